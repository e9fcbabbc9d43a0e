// Rust's std was compiled without floorcompat's header: f64::ln/exp/powf/log2 call libm's
// log/exp/pow/log2, which bind to @GLIBC_2.29 unless the link itself is at the floor.
use std::fs;
use std::io::{Read, Write};
use std::thread;

fn main() {
    let handles: Vec<_> = (1..=4)
        .map(|i| {
            thread::spawn(move || {
                let x = i as f64 + std::hint::black_box(0.5);
                (x.ln(), x.exp(), x.powf(1.5), x.log2())
            })
        })
        .collect();
    for (i, h) in handles.into_iter().enumerate() {
        let (l, e, p, g) = h.join().unwrap();
        println!("thread {}: ln {:.6} exp {:.6} powf {:.6} log2 {:.6}", i + 1, l, e, p, g);
    }
    let dir = std::env::temp_dir().join(format!("fcmath-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join("data.txt");
    fs::File::create(&path).unwrap().write_all(b"written by std::fs").unwrap();
    let mut s = String::new();
    fs::File::open(&path).unwrap().read_to_string(&mut s).unwrap();
    let len = fs::metadata(&path).unwrap().len();
    fs::remove_dir_all(&dir).unwrap();
    println!("file: {:?}, {} bytes, removed: {}", s, len, !dir.exists());
}
