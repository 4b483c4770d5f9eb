fn main() {
    nianbao_app::start();
}
