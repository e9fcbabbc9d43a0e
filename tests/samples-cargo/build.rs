// The C part goes through whatever CC says (floorcc with its arguments, in the test); cc 1.0.x
// API only, so Debian 12's cargo 1.63 with its librust-cc-dev 1.0.73 builds it as well.
fn main() {
    println!("cargo:rerun-if-changed=csrc/fcsample.c");
    cc::Build::new().file("csrc/fcsample.c").compile("fcsample");
    // pthread_create lives in libpthread below glibc 2.34: the floor's stub makes -lpthread work.
    println!("cargo:rustc-link-lib=pthread");
}
