/**
 * Serialization: PyTorch's checkpoint format (`save`/`load`) and safetensors.
 * @packageDocumentation
 */
export { save, saveAsync, load, type LoadOptions, type Loaded, type LoadedDict, type LoadedKey } from './torch-format.js';
export * as safetensors from './safetensors.js';
export { SerializationError } from './errors.js';
export { ZipReader, writeZip, crc32, type ZipEntry, type ZipEntryInput } from './zip.js';
export { pickle, unpickle, PyGlobal, PyTuple, PyFloat, PyReduce, PyPersistent, type UnpickleHooks, type PyCallable } from './pickle.js';
