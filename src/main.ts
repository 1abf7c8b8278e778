// `npm start`: the reference platform, with the demo configuration unless --config says otherwise.
// It is `cloud-interop serve` (src/cli/serve.ts): one implementation, reached two ways.
process.argv.splice(2, 0, 'serve');
await import('./cli/main.ts');
