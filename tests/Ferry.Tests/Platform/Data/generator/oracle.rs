use std::io::{BufRead, Write};
use std::str::FromStr;
use cargo_platform::{Platform, Cfg};
fn unhex(s: &str) -> String { let b: Vec<u8> = (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i+2], 16).unwrap()).collect(); String::from_utf8(b).unwrap() }
fn hex(s: &str) -> String { s.bytes().map(|b| format!("{:02x}", b)).collect() }
fn main() {
    let stdin = std::io::stdin(); let mut out = std::io::BufWriter::new(std::io::stdout());
    for line in stdin.lock().lines() {
        let line = line.unwrap(); let parts: Vec<&str> = line.split(' ').collect();
        let input = unhex(parts.get(1).copied().unwrap_or(""));
        let res = match parts[0] {
            "P" => match Platform::from_str(&input) {
                Ok(p) => { let mut w = Vec::new(); p.check_cfg_attributes(&mut w); p.check_cfg_keywords(&mut w, std::path::Path::new("Cargo.toml"));
                    let cfgs: Vec<Cfg> = ["unix", "target_os=\"linux\"", "a", "r#b", "k=\"v\"", "feature=\"x\""].iter().map(|s| s.parse().unwrap()).collect();
                    format!("ok {} {} {}", hex(&p.to_string()), p.matches("x86_64-unknown-linux-gnu", &cfgs), hex(&w.join("\u{1}"))) },
                Err(e) => format!("err {}", hex(&e.to_string())) },
            "C" => match Cfg::from_str(&input) { Ok(c) => format!("ok {}", hex(&c.to_string())), Err(e) => format!("err {}", hex(&e.to_string())) },
            _ => panic!(),
        };
        writeln!(out, "{}", res).unwrap();
    }
}
