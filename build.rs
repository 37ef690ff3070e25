//! One build step: the bundled first story is compiled into the widget
//! without the whitespace between its JSON tokens, so that the committed
//! file stays readable and the reader's download carries none of its
//! indentation. No dependency: a JSON text's whitespace outside strings is
//! all that goes.

fn main() {
    let src = "src/format/data/first-story.json";
    println!("cargo::rerun-if-changed={src}");
    let text = std::fs::read_to_string(src).expect("src/format/data/first-story.json is readable");
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    let dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(format!("{dir}/first-story.min.json"), out).expect("OUT_DIR is writable");
}
