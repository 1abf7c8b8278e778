// The domain refuses with the wire contract's own value: a RetCode of the spec's registry and its
// RetInfo (owned by the SDK, which speaks that contract; the domain adds no rule of its own here).
export { InteropError, refuse, RetCodes, type RetCode } from '../sdk/interop-error.ts';
