//! Runs one command and reports its own peak memory, for `tests/bounded_reads.rs`.
//!
//! `peak-memory PROGRAM ARGS...` prints `EXIT_CODE PEAK_KB` (`-1` when killed after five
//! seconds); the command's standard error passes through. A helper, not the test itself, starts
//! the command because Linux counts the starting process's memory in the new process's peak
//! (`ru_maxrss` keeps the high-water mark of the address space replaced at exec): started from
//! the test harness, a 5 MB command read as the harness's 80 MB whenever other tests were busy.
//! This process stays a few megabytes, so the figure is the command's own.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[allow(clippy::zombie_processes)] // reaped by `wait4` below, which `Child` does not know of
fn main() {
    let mut args = std::env::args().skip(1);
    let Some(program) = args.next() else {
        eprintln!("usage: peak-memory PROGRAM ARGS...");
        std::process::exit(2);
    };
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .expect("the command starts");
    let pid = child.id() as libc::pid_t;
    let started = Instant::now();
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let code = loop {
        // SAFETY: `pid` is our child; wait4 reaps it and fills `status` and `usage`.
        let done = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if done == pid {
            break if libc::WIFEXITED(status) {
                libc::WEXITSTATUS(status)
            } else {
                -1
            };
        }
        if started.elapsed() > Duration::from_secs(5) {
            let _ = child.kill();
            // SAFETY: as above, waiting for the child just killed.
            unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
            break -1;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    println!("{code} {}", usage.ru_maxrss);
}
