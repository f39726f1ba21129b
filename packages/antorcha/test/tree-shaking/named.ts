// The same example with per-symbol named imports: the smallest bundle it can make.
import { manualSeed, randn, randint, nn, optim, utils, save } from 'antorcha';

manualSeed(0);
const x = randn([256, 784]);
const y = randint(0, 10, [256]);
const model = new nn.Sequential(new nn.Linear(784, 128), new nn.ReLU(), new nn.Linear(128, 10));
const opt = new optim.Adam(model.parameters(), { lr: 1e-3 });
const loader = new utils.data.DataLoader(new utils.data.TensorDataset(x, y), { batchSize: 64, shuffle: true });
for (const [xb, yb] of loader) {
  opt.zeroGrad();
  const loss = nn.functional.crossEntropy(model.call(xb), yb);
  loss.backward();
  opt.step();
}
console.log(save(model.stateDict()).length);
