/// Builds the greeting the example prints.
pub fn greet(name: &str) -> String {
    let text = format!("Hello, {name}! (built by a path dependency)");
    if cfg!(feature = "shout") {
        text.to_uppercase()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn greets_by_name() {
        assert!(super::greet("x").starts_with("Hello, x!"));
    }
}
