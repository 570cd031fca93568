pub struct Backend;
pub struct BackendConfig;
pub struct CompiledTrace;
pub struct HelperSig;
pub struct HelperSpec;
pub struct JitError;
