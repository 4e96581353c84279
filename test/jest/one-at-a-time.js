// The suites that start whole engines run one file at a time, in one worker process that Jest
// replaces once it holds more than the limit after a file: each file's app, modules and transforms
// stay in the process that ran them, and ninety files in one process outgrow its heap. (In band,
// `--runInBand`, no worker is ever replaced, so the scripts do not use it.)
module.exports = {
  maxWorkers: 1,
  workerIdleMemoryLimit: '1GB',
};
