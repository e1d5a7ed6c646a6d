// A test module that throws while it is loaded: the runner must report a non-zero exit,
// not "0 tests, all passed".
throw new Error('Harness self-test: this module throws on load on purpose.');
