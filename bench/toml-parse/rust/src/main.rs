// Usage: toml-parse-bench <file> <iterations>
// Prints one line per measurement: "<name>\t<ms per parse>\t<MB/s>" (MB = 10^6 bytes of the file).
use std::hint::black_box;
use std::time::Instant;

fn measure<T>(name: &str, bytes: usize, n: usize, mut parse: impl FnMut() -> T) {
    for _ in 0..std::cmp::max(50, n / 4) {
        black_box(parse());
    }
    let start = Instant::now();
    for _ in 0..n {
        black_box(parse());
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0 / n as f64;
    println!("{}\t{:.3}\t{:.1}", name, ms, bytes as f64 / 1e6 / (ms / 1000.0));
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).expect("read file");
    let n: usize = args[2].parse().expect("iterations");
    let document: toml_edit::Document = text.parse().expect("toml_edit parse");
    assert_eq!(document.to_string(), text, "toml_edit round trip is not exact");

    measure("toml 0.5.11 from_str::<Value>", text.len(), n, || {
        toml::from_str::<toml::Value>(&text).unwrap()
    });
    measure("toml_edit 0.14.4 parse (Document)", text.len(), n, || {
        text.parse::<toml_edit::Document>().unwrap()
    });
    measure("toml_edit 0.14.4 parse + to_string", text.len(), n, || {
        text.parse::<toml_edit::Document>().unwrap().to_string()
    });
}
