// Antorcha is imported the way PyTorch is: as the `torch` namespace.
import * as torch from 'antorcha';
import type { Tensor } from 'antorcha';
