use clap::Parser;

/// Many small allocations per request (rendering, JSON, SQL rows): mimalloc
/// serves them from per-thread pages instead of glibc's contended arenas.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    server::cli::main(server::cli::Cli::parse())
}
