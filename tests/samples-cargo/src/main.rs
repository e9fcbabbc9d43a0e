// Calls the C part (built by build.rs through CC) and some of std's own uses of glibc.
use std::os::raw::{c_char, c_int};

extern "C" {
    fn fcsample_run(path: *const c_char) -> c_int;
}

fn main() {
    let me = std::env::current_exe().expect("current_exe");
    let path = std::ffi::CString::new(me.to_str().expect("utf-8 path")).unwrap();
    let rc = unsafe { fcsample_run(path.as_ptr()) };
    let t = std::thread::spawn(|| std::fs::metadata("/").map(|m| m.is_dir()).unwrap_or(false));
    println!("rust: std thread sees / as a directory: {}", t.join().unwrap());
    std::process::exit(rc);
}
