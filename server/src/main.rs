use clap::Parser;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = server::cli::Cli::parse();
    server::cli::run(cli).await
}
