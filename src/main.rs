fn main() {
    qitar::start();
}
