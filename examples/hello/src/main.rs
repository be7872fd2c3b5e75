fn main() {
    println!("{}", greeting::greet("ferry"));
}
