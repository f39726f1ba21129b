/**
 * The notebook's page, in order: text (Spanish and English, HTML), figures and code cells.
 * The text retells the seed notebook "DL02 Tensores en PyTorch" in new words.
 */

/** A language of the notebook's text. */
export type Lang = 'es' | 'en';

/** The same text in both languages (trusted HTML written here). */
export interface Bilingual {
  es: string;
  en: string;
}

/** One block of the page. */
export type Block =
  | { kind: 'text'; html: Bilingual }
  | { kind: 'cell'; name: string }
  | { kind: 'figure'; figure: 'neuron' | 'network'; caption: Bilingual };

/** The page's title. */
export const title: Bilingual = {
  es: 'Tensores en PyTorch, escritos en TypeScript',
  en: 'Tensors in PyTorch, written in TypeScript',
};

/** Labels of the network diagram. */
export const diagramText = {
  input: { es: 'Capa de entrada', en: 'Input layer' },
  hidden: { es: 'Capa oculta', en: 'Hidden layer' },
  output: { es: 'Salida', en: 'Output' },
  waiting: {
    es: 'Ejecute las celdas de la Actividad 1 para ver los valores.',
    en: 'Run the cells of Activity 1 to see the values.',
  },
  grads: {
    es: 'Gradientes (∂) tras backward().',
    en: 'Gradients (∂) after backward().',
  },
} satisfies Record<string, Bilingual>;

/** The page's blocks, top to bottom. */
export const blocks: Block[] = [
  {
    kind: 'text',
    html: {
      es: `<p>Este cuaderno es una primera visita a los <strong>tensores</strong>, la estructura de datos con la que trabaja
        todo el aprendizaje profundo. El original usa PyTorch en Python; aquí cada celda está escrita en TypeScript con
        <strong>Antorcha</strong> y se ejecuta en su navegador. Lo que imprime cada celda coincide carácter por carácter
        con lo que imprime PyTorch para el mismo código.</p>
        <p>Puede editar cualquier celda y volver a ejecutarla con <kbd>Run</kbd> (o <kbd>Ctrl</kbd>+<kbd>Enter</kbd>).
        Las celdas comparten sus variables, en el orden en que se ejecutan, como en Jupyter.</p>`,
      en: `<p>This notebook is a first look at <strong>tensors</strong>, the data structure every deep-learning
        computation is built on. The original uses PyTorch from Python; here each cell is written in TypeScript with
        <strong>Antorcha</strong> and runs in your browser. What each cell prints matches, character for character,
        what PyTorch prints for the same code.</p>
        <p>You can edit any cell and run it again with <kbd>Run</kbd> (or <kbd>Ctrl</kbd>+<kbd>Enter</kbd>).
        Cells share their variables, in the order they run, as in Jupyter.</p>`,
    },
  },
  {
    kind: 'text',
    html: {
      es: `<h2>Una neurona</h2>
        <p>Las redes neuronales se arman con piezas pequeñas, las <em>neuronas</em> o unidades. Cada una recibe varias
        entradas, multiplica cada entrada por un <em>peso</em>, suma los resultados junto con un <em>sesgo</em> (bias)
        y pasa ese número por una <em>función de activación</em>, que decide la salida.</p>`,
      en: `<h2>One neuron</h2>
        <p>Neural networks are assembled from small pieces, the <em>neurons</em> or units. Each one takes several
        inputs, multiplies every input by a <em>weight</em>, adds the results together with a <em>bias</em>, and passes
        that number through an <em>activation function</em>, which decides the output.</p>`,
    },
  },
  {
    kind: 'figure',
    figure: 'neuron',
    caption: {
      es: 'Una neurona: entradas x, pesos w, una suma con el sesgo b y la activación f.',
      en: 'One neuron: inputs x, weights w, a sum with the bias b, and the activation f.',
    },
  },
  {
    kind: 'text',
    html: {
      es: `<p class="formula"><var>y</var> = <var>f</var>(<var>w</var><sub>1</sub><var>x</var><sub>1</sub> +
        <var>w</var><sub>2</sub><var>x</var><sub>2</sub> + … + <var>w</var><sub>n</sub><var>x</var><sub>n</sub> + <var>b</var>)
        = <var>f</var>(∑<sub><var>i</var></sub> <var>w</var><sub><var>i</var></sub><var>x</var><sub><var>i</var></sub> + <var>b</var>)</p>
        <p>La suma ponderada es el producto escalar entre el vector de entradas y el vector de pesos: una fila
        por una columna.</p>
        <h2>Tensores</h2>
        <p>Casi todo el cálculo de una red es álgebra lineal sobre <strong>tensores</strong>, que generalizan a los
        vectores y a las matrices: un vector es un tensor de una dimensión, una matriz tiene dos, y una imagen en color
        (alto × ancho × canales RGB) tiene tres. PyTorch, y Antorcha con él, gira en torno a este tipo de dato: sabe
        sumarlos, multiplicarlos y cambiarles la forma, calcula sus gradientes de manera automática y puede hacer las
        cuentas en la GPU.</p>
        <p>Para empezar importamos la biblioteca y definimos la activación: la sigmoide, 1 / (1 + e<sup>−x</sup>).</p>`,
      en: `<p class="formula"><var>y</var> = <var>f</var>(<var>w</var><sub>1</sub><var>x</var><sub>1</sub> +
        <var>w</var><sub>2</sub><var>x</var><sub>2</sub> + … + <var>w</var><sub>n</sub><var>x</var><sub>n</sub> + <var>b</var>)
        = <var>f</var>(∑<sub><var>i</var></sub> <var>w</var><sub><var>i</var></sub><var>x</var><sub><var>i</var></sub> + <var>b</var>)</p>
        <p>The weighted sum is the dot product of the input vector and the weight vector: a row times a
        column.</p>
        <h2>Tensors</h2>
        <p>Nearly all of a network's arithmetic is linear algebra on <strong>tensors</strong>, which generalize
        vectors and matrices: a vector is a one-dimensional tensor, a matrix has two dimensions, and a colour image
        (height × width × RGB channels) has three. PyTorch, and Antorcha with it, is organised around this type: it adds,
        multiplies and reshapes tensors, computes their gradients automatically, and can do the work on a GPU.</p>
        <p>To begin, we import the library and define the activation: the sigmoid, 1 / (1 + e<sup>−x</sup>).</p>`,
    },
  },
  { kind: 'cell', name: 'imports' },
  { kind: 'cell', name: 'activation' },
  {
    kind: 'text',
    html: {
      es: `<h2>Datos de prueba</h2>
        <p>Fijamos la semilla del generador aleatorio en 7 para que los números sean siempre los mismos, y creamos
        tres tensores: <code>features</code>, una fila de cinco valores normales (media 0, desviación 1);
        <code>weights</code>, con la misma forma gracias a <code>randnLike</code>; y <code>bias</code>, un único valor.</p>`,
      en: `<h2>Some data</h2>
        <p>We set the random generator's seed to 7 so the numbers come out the same every time, and create three
        tensors: <code>features</code>, a row of five normal values (mean 0, standard deviation 1);
        <code>weights</code>, of the same shape thanks to <code>randnLike</code>; and <code>bias</code>, a single value.</p>`,
    },
  },
  { kind: 'cell', name: 'generate-data' },
  {
    kind: 'text',
    html: {
      es: `<p>Los tensores se suman, se multiplican y se restan elemento a elemento, como los arreglos de NumPy.
        <strong>Ejemplo:</strong> calcule la salida de la neurona con <code>features</code> como entrada,
        <code>weights</code> como pesos y <code>bias</code> como sesgo, usando <code>torch.sum</code> y la función
        <code>activation</code>. Hay dos maneras equivalentes:</p>`,
      en: `<p>Tensors add, multiply and subtract element by element, like NumPy arrays. <strong>Example:</strong>
        compute the neuron's output with <code>features</code> as its input, <code>weights</code> as its weights and
        <code>bias</code> as its bias, using <code>torch.sum</code> and the <code>activation</code> function. There are
        two equivalent ways:</p>`,
    },
  },
  { kind: 'cell', name: 'sum-solutions' },
  {
    kind: 'text',
    html: {
      es: `<h2>Producto de matrices</h2>
        <p>La multiplicación y la suma caben en una sola operación: el producto de matrices, <code>torch.mm</code> o
        <code>torch.matmul</code>. Es la operación que las bibliotecas numéricas y las GPU ejecutan más rápido, así que
        conviene usarla. Pero si se la pedimos tal cual, falla:</p>`,
      en: `<h2>Matrix products</h2>
        <p>The multiplication and the sum fit into a single operation: the matrix product, <code>torch.mm</code> or
        <code>torch.matmul</code>. Numerical libraries and GPUs run it faster than anything else, so it is worth using.
        Asked for as it is, though, it fails:</p>`,
    },
  },
  { kind: 'cell', name: 'mm-shape-error' },
  {
    kind: 'text',
    html: {
      es: `<p>Este error aparece a menudo al construir redes. Para multiplicar dos matrices, el número de columnas de
        la primera debe ser igual al número de filas de la segunda; aquí ambas tienen forma <code>(1, 5)</code>.
        Hay que cambiar la forma de <code>weights</code>, que se consulta con <code>.shape</code>. Hay tres maneras:</p>
        <ul>
          <li><code>weights.reshape(a, b)</code> devuelve un tensor con los mismos datos y forma <code>(a, b)</code>;
            a veces es una copia.</li>
          <li><code>weights.view(a, b)</code> devuelve los mismos datos, en la misma memoria, vistos con forma
            <code>(a, b)</code>; nunca copia.</li>
          <li><code>weights.resize_(a, b)</code> cambia la forma del propio tensor (el guion bajo indica una operación
            en el lugar). Si la forma nueva tiene menos elementos, los que sobran dejan de verse; si tiene más, los nuevos
            quedan sin inicializar.</li>
        </ul>
        <p><strong>Ejemplo:</strong> calcule la salida de la neurona con un producto de matrices.</p>`,
      en: `<p>You will meet this error often while building networks. To multiply two matrices, the number of columns of
        the first must equal the number of rows of the second; here both have shape <code>(1, 5)</code>. We need to
        change the shape of <code>weights</code>, which <code>.shape</code> tells us. There are three ways:</p>
        <ul>
          <li><code>weights.reshape(a, b)</code> returns a tensor with the same data and shape <code>(a, b)</code>;
            sometimes it is a copy.</li>
          <li><code>weights.view(a, b)</code> returns the same data, in the same memory, seen with shape
            <code>(a, b)</code>; it never copies.</li>
          <li><code>weights.resize_(a, b)</code> changes the shape of the tensor itself (the trailing underscore marks
            an in-place operation). If the new shape has fewer elements, the extra ones are no longer shown; if it has
            more, the new ones are left uninitialized.</li>
        </ul>
        <p><strong>Example:</strong> compute the neuron's output with a matrix product.</p>`,
    },
  },
  { kind: 'cell', name: 'mm-view' },
  {
    kind: 'text',
    html: {
      es: `<p>Las tres formas, una junto a otra:</p>`,
      en: `<p>The three ways, side by side:</p>`,
    },
  },
  { kind: 'cell', name: 'reshape-resize' },
  {
    kind: 'text',
    html: {
      es: `<h2>Apilar neuronas</h2>
        <p>Una neurona sola hace poco. La fuerza del método aparece al poner varias unidades en una
        <em>capa</em> y encadenar capas: la salida de una capa es la entrada de la siguiente. Con varias entradas y
        varias salidas, los pesos de una capa forman una matriz.</p>
        <p>Abajo, a la izquierda, está la <strong>capa de entrada</strong>; en el medio, la <strong>capa oculta</strong>;
        a la derecha, la <strong>capa de salida</strong>. Las dos unidades ocultas se obtienen de una sola vez con un
        producto de matrices, <var>h</var> = [<var>h</var><sub>1</sub> <var>h</var><sub>2</sub>] =
        <var>f</var><sub>1</sub>(<var>x</var> <var>W</var><sub>1</sub> + <var>b</var><sub>1</sub>), y la salida trata
        a la capa oculta como su entrada:</p>
        <p class="formula"><var>y</var> = <var>f</var><sub>2</sub>(<var>f</var><sub>1</sub>(<var>x</var>
        <var>W</var><sub>1</sub> + <var>b</var><sub>1</sub>) <var>W</var><sub>2</sub> + <var>b</var><sub>2</sub>)</p>`,
      en: `<h2>Stacking neurons</h2>
        <p>A single neuron does little. The method's strength shows when several units form a <em>layer</em> and layers
        are chained: one layer's output is the next layer's input. With several inputs and several outputs, a layer's
        weights form a matrix.</p>
        <p>Below, on the left, is the <strong>input layer</strong>; in the middle, the <strong>hidden layer</strong>;
        on the right, the <strong>output layer</strong>. Both hidden units come out of a single matrix product,
        <var>h</var> = [<var>h</var><sub>1</sub> <var>h</var><sub>2</sub>] =
        <var>f</var><sub>1</sub>(<var>x</var> <var>W</var><sub>1</sub> + <var>b</var><sub>1</sub>), and the output
        treats the hidden layer as its input:</p>
        <p class="formula"><var>y</var> = <var>f</var><sub>2</sub>(<var>f</var><sub>1</sub>(<var>x</var>
        <var>W</var><sub>1</sub> + <var>b</var><sub>1</sub>) <var>W</var><sub>2</sub> + <var>b</var><sub>2</sub>)</p>`,
    },
  },
  {
    kind: 'figure',
    figure: 'network',
    caption: {
      es: 'La red 3-2-1 de la Actividad 1, con los valores de las celdas de abajo: pesos en las aristas, activaciones en los nodos y, tras backward(), los gradientes.',
      en: 'The 3-2-1 network of Activity 1, with the values of the cells below: weights on the edges, activations in the nodes and, after backward(), the gradients.',
    },
  },
  {
    kind: 'text',
    html: {
      es: `<h2>Actividad 1</h2>
        <ol>
          <li>Fije la semilla para poder reproducir el cálculo.</li>
          <li>Genere un conjunto de datos con tres variables aleatorias.</li>
          <li>Cree los pesos aleatorios entre la capa de entrada y la oculta, <code>W1</code>.</li>
          <li>Cree los pesos aleatorios entre la capa oculta y la de salida, <code>W2</code>.</li>
          <li>Cree los sesgos de la capa oculta y de la salida, <code>B1</code> y <code>B2</code>.</li>
          <li>Calcule la salida de la red con <code>torch.mm</code>.</li>
        </ol>`,
      en: `<h2>Activity 1</h2>
        <ol>
          <li>Set the seed so the computation can be reproduced.</li>
          <li>Generate a data set of three random variables.</li>
          <li>Create the random weights between the input and the hidden layer, <code>W1</code>.</li>
          <li>Create the random weights between the hidden and the output layer, <code>W2</code>.</li>
          <li>Create the biases of the hidden layer and of the output, <code>B1</code> and <code>B2</code>.</li>
          <li>Compute the network's output with <code>torch.mm</code>.</li>
        </ol>`,
    },
  },
  { kind: 'cell', name: 'activity-1-tensors' },
  {
    kind: 'text',
    html: {
      es: `<p>Con la semilla 7, la capa oculta debe valer <code>[[0.6813, 0.4355]]</code> y la salida
        <code>[0.3171]</code>. El diagrama de arriba se actualiza con cada ejecución.</p>`,
      en: `<p>With seed 7, the hidden layer should come out as <code>[[0.6813, 0.4355]]</code> and the output as
        <code>[0.3171]</code>. The diagram above updates with every run.</p>`,
    },
  },
  { kind: 'cell', name: 'activity-1-network' },
  {
    kind: 'text',
    html: {
      es: `<p>Como los pesos y sesgos se crearon con <code>requiresGrad: true</code>, Antorcha registró cada operación.
        <code>output.backward()</code> recorre ese registro hacia atrás y deja en <code>.grad</code> cuánto cambia la
        salida con cada parámetro; el diagrama los muestra en sus aristas. Así se entrena una red: se mueve cada
        parámetro un poco en contra de su gradiente.</p>`,
      en: `<p>Because the weights and biases were created with <code>requiresGrad: true</code>, Antorcha recorded every
        operation. <code>output.backward()</code> walks that record backwards and leaves in <code>.grad</code> how much
        the output changes with each parameter; the diagram shows them on its edges. That is how a network is trained:
        each parameter moves a little against its gradient.</p>`,
    },
  },
  { kind: 'cell', name: 'activity-1-backward' },
  {
    kind: 'text',
    html: {
      es: `<p>El número de unidades ocultas no se aprende: lo elegimos nosotros. Se llama <strong>hiperparámetro</strong>
        para distinguirlo de los parámetros (pesos y sesgos). Más unidades y más capas permiten aprender relaciones más
        complejas en los datos; cómo entrenarlas es el tema del siguiente cuaderno. Para ver una red entrenarse ahora
        mismo, abra el <a href="#/playground">Playground</a>.</p>`,
      en: `<p>The number of hidden units is not learned: we choose it. It is called a <strong>hyperparameter</strong> to
        tell it apart from the parameters (weights and biases). More units and more layers can learn more complex
        relations in the data; how to train them is the next notebook's subject. To watch a network train right now,
        open the <a href="#/playground">Playground</a>.</p>`,
    },
  },
];
