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
    /// The search index.
    Search {
        #[command(subcommand)]
        command: SearchCommand,
    },
    /// Print a new random secret key for MERCATO_SECRET_KEY.
    SecretKey,
    /// Staff accounts.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Copy the database and the uploaded files into an empty folder (SQLite:
    /// while the shop runs; PostgreSQL: with pg_dump on PATH).
    Backup {
        /// The folder to write (created; must not hold a backup).
        to: std::path::PathBuf,
    },
    /// Put a backup back, with the shop stopped (PostgreSQL: pg_restore on PATH).
    Restore {
        /// The folder `mercato backup` wrote.
        from: std::path::PathBuf,
        /// Replace a database that has data, and the uploads folder.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum SearchCommand {
    /// Rebuild the whole index from the database beside the live one, then
    /// swap it in (a running server keeps answering throughout).
    Reindex,
}

#[derive(Subcommand, Debug)]
pub enum AdminCommand {
    /// Create an admin account (e.g. the shop's first). Asks for a password
    /// on a terminal; otherwise, or with --generate-password, generates one
    /// and prints it once.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "")]
        name: String,
        #[arg(long)]
        generate_password: bool,
    },
}

/// The binary's whole `main`: the runtime and the command. Here, not in
/// `main.rs`: an async fn's body is compiled where it is awaited, so with
/// `#[tokio::main]` the 12-line binary compiled the whole server again
/// (78 s of a cold CI build, after `app` and so on its critical path).
pub fn main(cli: Cli) -> anyhow::Result<()> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?
        .block_on(run(cli))
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    if matches!(cli.command, Some(Command::SecretKey)) {
        println!("{}", domain::secrets::SecretBox::new_key());
        return Ok(());
    }
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
            let store = startup::store(&config, &db).await?;
            let currency = store.current().get().currency;
            let report = domain::seed::seed_demo(&db, &config.uploads_dir(), currency)
                .await
                .context("seeding the demo shop")?;
            println!(
                "Seeded {} categories, {} products, {} variants, {} images, {} past orders and {} reviews.",
                report.categories,
                report.products,
                report.variants,
                report.images,
                report.orders,
                report.reviews
            );
        }
        Command::Admin {
            command:
                AdminCommand::Create {
                    email,
                    name,
                    generate_password,
                },
        } => {
            let db = startup::connect_and_migrate(&config).await?;
            let (password, generated) = admin_password(generate_password)?;
            let store = startup::store(&config, &db).await?;
            let accounts = startup::accounts(&config, &db, &store, Default::default())?;
            accounts
                .create_admin(&email, &password, &name)
                .await
                .map_err(|e| anyhow::anyhow!(e.user_message()))?;
            println!("Admin account created for {email}.");
            if generated {
                println!("Password (shown once, store it now): {password}");
            }
        }
        Command::Search {
            command: SearchCommand::Reindex,
        } => reindex(&config).await?,
        Command::SecretKey => {}
        Command::Backup { to } => {
            let m = crate::backup::backup(&config, &to).await?;
            println!(
                "Backed up the {} database and {} uploaded files into {}.",
                m.database,
                m.files,
                to.display()
            );
        }
        Command::Restore { from, force } => {
            let m = crate::backup::restore(&config, &from, force).await?;
            println!(
                "Restored the {} database of {} and {} uploaded files.",
                m.database, m.created_at, m.files
            );
        }
        Command::Config => {
            for (name, value) in config.describe() {
                println!("{name:<28} {value}");
            }
            println!();
            println!("Variables:");
            for v in VARIABLES
                .iter()
                .chain(crate::security_config::VARIABLES)
                .chain(crate::commerce_config::VARIABLES)
                .chain(crate::search_config::VARIABLES)
                .chain(crate::files_config::VARIABLES)
                .chain(crate::identity_config::VARIABLES)
            {
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

async fn reindex(config: &Config) -> anyhow::Result<()> {
    use indicatif::{ProgressBar, ProgressStyle};
    let db = startup::connect_and_migrate(config).await?;
    let store = startup::store(config, &db).await?;
    let search = startup::search(config, &db, &store, None, None)?;
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} indexing [{bar:40}] {pos}/{len} products ({per_sec}, eta {eta})",
        )
        .context("progress bar template")?
        .progress_chars("=> "),
    );
    let progress = {
        let bar = bar.clone();
        move |done: u64, total: u64| {
            bar.set_length(total);
            bar.set_position(done);
        }
    };
    let started = std::time::Instant::now();
    let n = search
        .rebuild(&progress)
        .await
        .map_err(|e| anyhow::anyhow!("rebuilding the {} index: {e}", search.engine()))?;
    bar.finish_and_clear();
    // Running instances evict their search pages; those on the embedded
    // engine rebuild their own index too.
    domain::changes::search_index_changed(&db, &[])
        .await
        .map_err(|e| anyhow::anyhow!("telling the running instances: {e}"))?;
    println!(
        "Indexed {n} products into the {} index in {:.1} s and switched to it.",
        search.engine(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// A typed password (twice, on a terminal) or a generated one.
fn admin_password(generate: bool) -> anyhow::Result<(String, bool)> {
    use std::io::IsTerminal as _;
    if generate || !std::io::stdin().is_terminal() {
        return Ok((domain::accounts::tokens::random_token(), true));
    }
    let first = rpassword::prompt_password("Password (12+ characters): ")?;
    let second = rpassword::prompt_password("Repeat password: ")?;
    anyhow::ensure!(first == second, "the passwords did not match");
    Ok((first, false))
}
