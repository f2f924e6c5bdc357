use clap::Parser;

/// Many small allocations per request (rendering, JSON, SQL rows): mimalloc
/// serves them from per-thread pages instead of glibc's contended arenas.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = server::cli::Cli::parse();
    server::cli::run(cli).await
}
