/**
 * A small syntax colouring for the notebook's TypeScript cells: comments, strings, numbers,
 * keywords and called names, as HTML for the layer drawn under the transparent code area.
 */

const KEYWORDS = new Set(
  'as async await break case catch class const continue default delete do else export extends false finally for from function if import in instanceof interface let new null of return switch this throw true try type typeof undefined var void while yield'.split(' '),
);

// One alternative per kind; the first that matches at a position wins.
const TOKEN = /(\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$))|('(?:\\.|[^'\\\n])*'?|"(?:\\.|[^"\\\n])*"?|`(?:\\[\s\S]|[^`\\])*`?)|(\b\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?\b)|([A-Za-z_$][\w$]*)(?=(\s*\()?)/g;

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The code as HTML with `<span class="tok-…">` around comments, strings, numbers, keywords and calls. */
export function highlight(code: string): string {
  let html = '';
  let at = 0;
  for (const m of code.matchAll(TOKEN)) {
    const [text, comment, string, number, name, call] = m;
    let cls: string | null = null;
    if (comment) cls = 'comment';
    else if (string) cls = 'string';
    else if (number) cls = 'number';
    else if (name && KEYWORDS.has(name)) cls = 'keyword';
    else if (name && call !== undefined) cls = 'call';
    html += escape(code.slice(at, m.index));
    html += cls ? `<span class="tok-${cls}">${escape(text)}</span>` : escape(text);
    at = m.index! + text.length;
  }
  // A final newline needs a character after it, or the layer is a line shorter than the text.
  return html + escape(code.slice(at)) + '\n';
}
