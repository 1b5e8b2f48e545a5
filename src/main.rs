//! The `kubestory` binary.

fn main() {
    println!("kubestory: see README.md");
}
