use std::io::{BufRead, Write};
use semver::{Version, VersionReq, Comparator, Prerelease, BuildMetadata};
fn unhex(s: &str) -> String { let b: Vec<u8> = (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i+2], 16).unwrap()).collect(); String::from_utf8(b).unwrap() }
fn hex(s: &str) -> String { s.bytes().map(|b| format!("{:02x}", b)).collect() }
fn main() {
    let stdin = std::io::stdin(); let mut out = std::io::BufWriter::new(std::io::stdout());
    for line in stdin.lock().lines() {
        let line = line.unwrap(); let parts: Vec<&str> = line.split(' ').collect();
        let res: String = match parts[0] {
            "V" => match Version::parse(&unhex(parts[1])) { Ok(v) => format!("ok {}", hex(&v.to_string())), Err(e) => format!("err {}", hex(&e.to_string())) },
            "R" => match VersionReq::parse(&unhex(parts[1])) { Ok(v) => format!("ok {}", hex(&v.to_string())), Err(e) => format!("err {}", hex(&e.to_string())) },
            "C" => match Comparator::parse(&unhex(parts[1])) { Ok(v) => format!("ok {}", hex(&v.to_string())), Err(e) => format!("err {}", hex(&e.to_string())) },
            "P" => match Prerelease::new(&unhex(parts[1])) { Ok(v) => format!("ok {}", hex(v.as_str())), Err(e) => format!("err {}", hex(&e.to_string())) },
            "B" => match BuildMetadata::new(&unhex(parts[1])) { Ok(v) => format!("ok {}", hex(v.as_str())), Err(e) => format!("err {}", hex(&e.to_string())) },
            "M" => { let r = VersionReq::parse(&unhex(parts[1])).unwrap(); let v = Version::parse(&unhex(parts[2])).unwrap(); format!("{}", r.matches(&v)) },
            "O" => { let a = Version::parse(&unhex(parts[1])).unwrap(); let b = Version::parse(&unhex(parts[2])).unwrap(); format!("{:?} {:?}", a.cmp(&b), a.cmp_precedence(&b)) },
            _ => panic!(),
        };
        writeln!(out, "{}", res).unwrap();
    }
}
