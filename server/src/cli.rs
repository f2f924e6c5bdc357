//! `mercato` subcommands. `serve` is the default.
use anyhow::Context as _;
use clap::{Parser, Subcommand};

use crate::config::{Config, VARIABLES};
use crate::startup::{self, Application};

#[derive(Parser, Debug)]
#[command(
    name = "mercato",
    version,
    about = "Mercato — an e-commerce platform in one binary"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Migrate, seed an empty shop (unless MERCATO_SEED_DEMO=never) and serve.
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Fill an empty database with data.
    Seed {
        /// The generated demo shop (1,000+ products with images).
        #[arg(long)]
        demo: bool,
    },
    /// Print the effective configuration, secrets masked.
    Config,
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let config = Config::from_env().context("reading configuration")?;
    crate::telemetry::init(&config.log_filter, config.log_format);
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let app = Application::build(&config, None).await?;
            tracing::info!(addr = %app.local_addr()?, public_url = %config.public_url, "mercato is serving");
            app.run_until(startup::shutdown_signal()).await?;
            tracing::info!("stopped");
        }
        Command::Migrate => {
            startup::connect_and_migrate(&config).await?;
            println!("Database is up to date.");
        }
        Command::Seed { demo } => {
            if !demo {
                anyhow::bail!("say what to seed: `mercato seed --demo`");
            }
            let db = startup::connect_and_migrate(&config).await?;
            let report = domain::seed::seed_demo(&db, &config.uploads_dir())
                .await
                .context("seeding the demo shop")?;
            println!(
                "Seeded {} categories, {} products, {} variants, {} images.",
                report.categories, report.products, report.variants, report.images
            );
        }
        Command::Config => {
            for (name, value) in config.describe() {
                println!("{name:<28} {value}");
            }
            println!();
            println!("Variables:");
            for v in VARIABLES {
                let secret = if v.secret { " (secret)" } else { "" };
                println!(
                    "  {:<28} default {:<32} {}{secret}",
                    v.name, v.default, v.help
                );
            }
        }
    }
    Ok(())
}
