// The README's training example in the README's style: the namespace import for tensor functions,
// named imports for nn, optim and utils (a local alias such as `const { nn } = torch` defeats
// the bundler's tree-shaking; see BENCHMARKS.md).
import * as torch from 'antorcha';
import { nn, optim, utils } from 'antorcha';

torch.manualSeed(0);
const x = torch.randn([256, 784]);
const y = torch.randint(0, 10, [256]);
const model = new nn.Sequential(new nn.Linear(784, 128), new nn.ReLU(), new nn.Linear(128, 10));
const opt = new optim.Adam(model.parameters(), { lr: 1e-3 });
const loader = new utils.data.DataLoader(new utils.data.TensorDataset(x, y), { batchSize: 64, shuffle: true });
for (const [xb, yb] of loader) {
  opt.zeroGrad();
  const loss = nn.functional.crossEntropy(model.call(xb), yb);
  loss.backward();
  opt.step();
}
console.log(torch.save(model.stateDict()).length);
