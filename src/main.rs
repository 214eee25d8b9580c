fn main() {
    #[cfg(target_arch = "wasm32")]
    qitar::start::start();
}
