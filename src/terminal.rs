//! The explorer's hold on the terminal: raw mode, the alternate screen, mouse capture and
//! bracketed paste (a paste arrives as text, never as keys), the kitty keyboard protocol
//! where the terminal has it, given back on every way out (a return, a panic, a signal) and around Ctrl-Z.

pub mod input;

use std::io::{self, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    KeyboardEnhancementFlags, PopKeyboardEnhancementFlags, PushKeyboardEnhancementFlags,
};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// Asks the terminal for keys it cannot confuse (the kitty keyboard protocol): Ctrl-I
/// apart from Tab, Esc apart from the start of a sequence. A terminal that does not know
/// the protocol ignores the request (no answer is awaited) and sends keys as before.
fn disambiguated_keys() -> PushKeyboardEnhancementFlags {
    PushKeyboardEnhancementFlags(KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES)
}

/// Puts the terminal back as it was: raw mode off, main screen, no mouse capture, no
/// bracketed paste, cursor on.
pub(crate) fn restore_terminal() {
    // Each step is attempted even if an earlier one failed; there is nothing more to do then.
    let _ = terminal::disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        PopKeyboardEnhancementFlags,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
}

/// The explorer's terminal; dropping it restores the terminal, on every path out.
pub struct TerminalGuard {
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl TerminalGuard {
    /// Raw mode, the alternate screen, mouse capture, bracketed paste, the cursor hidden; a panic or a
    /// signal that ends talks restores the terminal first.
    pub fn enter() -> io::Result<Self> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore_terminal();
            previous(info);
        }));
        restore_on_signals()?;
        terminal::enable_raw_mode()?;
        let guard_before_terminal = RestoreOnDrop;
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste,
            disambiguated_keys(),
            cursor::Hide
        )?;
        let terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        std::mem::forget(guard_before_terminal);
        Ok(TerminalGuard { terminal })
    }
}

/// The ending signals restore the terminal before talks exits (and a file being written is
/// finished or its temporary removed: `fsio::signals`).
fn restore_on_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGINT, SIGQUIT};
    let mut signals = signal_hook::iterator::Signals::new(crate::fsio::signals::ENDING_SIGNALS)?;
    std::thread::spawn(move || {
        for signal in signals.forever() {
            // While an editor has the terminal, Ctrl-C and Ctrl-\ are its own (as git does).
            if HANDED_OVER.load(Ordering::SeqCst) && [SIGINT, SIGQUIT].contains(&signal) {
                continue;
            }
            // Hold stdout until the exit, so that a frame being drawn cannot write after
            // the restore (the lock is re-entrant for this thread).
            let _stdout = io::stdout().lock();
            restore_terminal();
            // After a hang-up stderr may be gone: a failed write must not stop the exit.
            let _ = writeln!(io::stderr(), "talks: stopped by signal {signal}");
            crate::fsio::signals::remove_temporaries_and_exit(128 + signal);
        }
    });
    Ok(())
}

/// An editor (or another program) has the terminal: the explorer neither draws nor reacts
/// to stop signals, which are the editor's.
static HANDED_OVER: AtomicBool = AtomicBool::new(false);

/// Gives the terminal to `program` as the shell had it, runs it in the foreground until it
/// ends, then takes the terminal again, to be drawn whole. The caller stops reading
/// terminal events first, else the reader would take the program's keys.
pub fn hand_over<T>(guard: &mut TerminalGuard, program: impl FnOnce() -> T) -> io::Result<T> {
    restore_terminal();
    HANDED_OVER.store(true, Ordering::SeqCst);
    let outcome = program();
    HANDED_OVER.store(false, Ordering::SeqCst);
    take_terminal_again(guard)?;
    Ok(outcome)
}

/// Ctrl-Z: puts the terminal back as the shell had it, stops until continued (`fg`), then
/// takes the terminal again, cleared, with a new `Terminal` whose next frame is drawn whole.
/// (`Terminal::clear` would ask the terminal for the cursor position, and the answer
/// would go to the thread that reads events.)
pub fn suspend(guard: &mut TerminalGuard) -> io::Result<()> {
    restore_terminal();
    // SIGTSTP is caught (see `forward_stop_signals`): stop as its default would.
    signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
    take_terminal_again(guard)
}

/// After talks was stopped (by Ctrl-Z or by a signal from outside) and continued: raw mode,
/// the alternate screen, mouse capture and bracketed paste again, and a new `Terminal`
/// drawn whole.
pub fn take_terminal_again(guard: &mut TerminalGuard) -> io::Result<()> {
    terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        disambiguated_keys(),
        cursor::Hide,
        terminal::Clear(terminal::ClearType::All)
    )?;
    guard.terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    Ok(())
}

/// A stop or continue signal from outside (`kill -TSTP`, or `kill -STOP` then `-CONT`), for
/// the event loop: it suspends as Ctrl-Z does, or takes the terminal again after a stop it
/// could not catch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopSignal {
    Stop,
    Continue,
}

/// Calls `forward` on a thread of its own with each SIGTSTP and SIGCONT talks receives.
pub fn forward_stop_signals(forward: impl Fn(StopSignal) + Send + 'static) -> io::Result<()> {
    use signal_hook::consts::{SIGCONT, SIGTSTP};
    let mut signals = signal_hook::iterator::Signals::new([SIGTSTP, SIGCONT])?;
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if HANDED_OVER.load(Ordering::SeqCst) {
                // The editor stopped itself and its process group (Ctrl-Z in vim): stop
                // too, so the shell gets the terminal; `fg` continues both.
                if signal == SIGTSTP {
                    let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
                }
                continue;
            }
            forward(if signal == SIGTSTP {
                StopSignal::Stop
            } else {
                StopSignal::Continue
            });
        }
    });
    Ok(())
}

/// Restores the terminal if set-up fails half-way.
struct RestoreOnDrop;

impl Drop for RestoreOnDrop {
    fn drop(&mut self) {
        restore_terminal();
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}
