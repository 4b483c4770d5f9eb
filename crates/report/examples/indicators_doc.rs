//! Prints docs/indicators.md from the indicators' dictionary:
//! `cargo run -p nianbao-report --example indicators_doc > docs/indicators.md`.

fn main() {
    print!("{}", nianbao_report::indicators::markdown());
}
