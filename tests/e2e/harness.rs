use std::mem::ManuallyDrop;
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;
use thirtyfour::prelude::*;
use thirtyfour::{Capabilities, Key};

/// How long a step may take before the test gives up on it: a guard against a window that
/// never answers, not a speed target. A step slower than 3 s is noted in the test's output.
const WAIT: Duration = Duration::from_secs(60);
/// The plan file a test saves, and the file the app's "Open" dialog answers unless it opens
/// another.
const PLAN_FILE_NAME: &str = "Lakeshore plan.mcplan";

/// The locale the app runs in unless a test picks one: `MCPLAN_E2E_LOCALE` (the Makefile runs
/// the suite once per locale it lists), else US English.
fn suite_locale() -> String {
    std::env::var("MCPLAN_E2E_LOCALE").unwrap_or_else(|_| "en_US.UTF-8".to_owned())
}

/// One test's private world: its own store, PDF destination, tauri-driver and system locale.
pub struct Sandbox {
    dir: tempfile::TempDir,
    locale: String,
    /// What the app's "Save as" dialog answers: the PDF, unless a test saves plan files.
    save_to: PathBuf,
    /// What the app's "Open" dialog answers: the plan file, unless a test opens another file.
    open_from: PathBuf,
}

pub struct App {
    /// Never dropped: after a failure, dropping a session that was not quit asks the driver to
    /// quit it while the test's runtime is blocked, and waits 120 s for an answer that cannot
    /// come. [`App::close`] quits it; otherwise it ends with the drivers, killed on drop.
    driver: ManuallyDrop<WebDriver>,
    tauri_driver: Child,
}

impl Sandbox {
    pub fn new() -> Self {
        Self::in_locale(&suite_locale())
    }

    /// A sandbox whose app sees `locale` (such as "C.UTF-8") in `LANG` and `LC_ALL`.
    pub fn in_locale(locale: &str) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let save_to = dir.path().join("exported plan.pdf");
        let open_from = dir.path().join(PLAN_FILE_NAME);
        Sandbox {
            dir,
            locale: locale.to_owned(),
            save_to,
            open_from,
        }
    }

    /// This sandbox with the app's "Open" dialog answering the file `name` in its folder.
    pub fn opening(mut self, name: &str) -> Self {
        self.open_from = self.file(name);
        self
    }

    /// The file `name` in this sandbox's folder.
    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// This sandbox with the app's "Save as" dialog answering [`Sandbox::plan_file`].
    pub fn saving_plan_files(mut self) -> Self {
        self.save_to = self.plan_file();
        self
    }

    /// This sandbox with the app's "Save as" dialog answering [`Sandbox::file`]`(name)`.
    pub fn saving_as(mut self, name: &str) -> Self {
        self.save_to = self.file(name);
        self
    }

    /// The plan file the app's "Open" dialog answers (and, for a test saving plan files, its
    /// "Save as" dialog too).
    pub fn plan_file(&self) -> PathBuf {
        self.file(PLAN_FILE_NAME)
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("data").join("plans.sqlite3")
    }

    /// Runs the `mcplan` built beside the app on this sandbox's store and reads its JSON.
    pub fn mcplan_json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_slice(&self.mcplan(args)).expect("mcplan prints JSON")
    }

    /// Runs the `mcplan` built beside the app on this sandbox's store, which must succeed, and
    /// answers what it printed.
    pub fn mcplan(&self, args: &[&str]) -> Vec<u8> {
        let app_bin = std::env::var("MCPLAN_APP_BIN").expect("MCPLAN_APP_BIN");
        let mcplan = Path::new(&app_bin).with_file_name("mcplan");
        let out = Command::new(&mcplan)
            .arg("--db")
            .arg(self.db())
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("run {}: {e}", mcplan.display()));
        assert!(
            out.status.success(),
            "mcplan {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    }

    pub fn pdf(&self) -> PathBuf {
        self.dir.path().join("exported plan.pdf")
    }

    /// Starts the app (through tauri-driver) on this sandbox's store and waits for its window.
    pub async fn launch(&self) -> App {
        self.launch_with(&[]).await
    }

    /// Starts the app as [`Sandbox::launch`] does, with `args` on its command line (as the file
    /// manager starts it to open a file).
    pub async fn launch_with(&self, args: &[&Path]) -> App {
        let app_bin = std::env::var("MCPLAN_APP_BIN")
            .expect("MCPLAN_APP_BIN must name the built app: run `make e2e`");
        assert!(
            Path::new(&app_bin).exists(),
            "the app binary {app_bin} is missing: run `make app`"
        );
        let port = free_port();
        let native_port = free_port();
        let tauri_driver = Command::new("tauri-driver")
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("MCPLAN_DB", self.db())
            .env("MCPLAN_E2E_SAVE_PATH", &self.save_to)
            .env("MCPLAN_E2E_OPEN_PATH", &self.open_from)
            .env("XDG_DATA_HOME", self.dir.path().join("xdg"))
            // Numbers in the window follow the locale. The assertions expect English ones, which
            // is also what the window falls back to where the locale names no language (C).
            .env("LANG", &self.locale)
            .env("LC_ALL", &self.locale)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("tauri-driver is installed (`cargo install tauri-driver --version '^2'`)");
        wait_for_port(port);
        let caps: Capabilities = serde_json::from_value(json!({
            "browserName": "wry",
            "tauri:options": { "application": app_bin, "args": args }
        }))
        .expect("capabilities");
        // tauri-driver listens before its native WebKitWebDriver is ready, so the first
        // request can be dropped; a few tries over a couple of seconds get past that.
        let mut attempt = 0;
        let driver = loop {
            match WebDriver::new(format!("http://127.0.0.1:{port}"), caps.clone()).await {
                Ok(driver) => break driver,
                Err(err) if attempt < 5 => {
                    attempt += 1;
                    eprintln!("WebDriver session attempt {attempt} failed: {err}; retrying");
                    tokio::time::sleep(Duration::from_millis(400)).await;
                }
                Err(err) => panic!("no WebDriver session with the app: {err}"),
            }
        };
        let app = App {
            driver: ManuallyDrop::new(driver),
            tauri_driver,
        };
        app.wait_for("[data-testid=plan-list]").await;
        app.driver
            .execute(WATCH_THE_PAGE, Vec::new())
            .await
            .expect("watch the page's clicks and errors");
        app
    }
}

/// Keeps, in the page, the last clicks it received, its last scrolls and every script error:
/// when a step times out, the failure says whether the click arrived, where, whether the page
/// moved, and whether the page's code failed.
const WATCH_THE_PAGE: &str = r#"
const name = (el) => {
  if (!el || !el.tagName) return String(el);
  const testid = el.closest('[data-testid]')?.dataset.testid;
  const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
  return `${el.tagName.toLowerCase()}${el.name ? `[name=${el.name}]` : ''} in ${testid ?? 'no test id'} "${text}"`;
};
window.__e2e = { clicks: [], scrolls: [], errors: [], name };
let lastScroll = 0;
window.addEventListener('scroll', () => {
  const now = Math.round(performance.now());
  const scrolls = window.__e2e.scrolls;
  if (now - lastScroll > 50 || scrolls.length === 0) scrolls.push(`${now} ms: ${Math.round(window.scrollY)}`);
  else scrolls[scrolls.length - 1] = `${now} ms: ${Math.round(window.scrollY)}`;
  lastScroll = now;
  if (scrolls.length > 8) scrolls.shift();
});
document.addEventListener('click', (e) => {
  window.__e2e.firstTarget ??= e.target;
  const clicks = window.__e2e.clicks;
  clicks.push(`${Math.round(performance.now())} ms: ${name(e.target)} at ${e.clientX},${e.clientY}`);
  if (clicks.length > 8) clicks.shift();
}, true);
window.addEventListener('error', (e) => window.__e2e.errors.push(`${e.message} (${e.filename}:${e.lineno})`));
window.addEventListener('unhandledrejection', (e) =>
  window.__e2e.errors.push(`unhandled rejection: ${e.reason?.stack ?? e.reason}`));
"#;

/// Aims the next click at the element given, and takes the focus from any other element, as
/// the click's press would. WebKit scrolls a field the page focused into view some 100-200 ms
/// later, even when the page was scrolled meanwhile; taking the focus away cancels that. When
/// the test clicked in between, WebDriver scrolled the element into view, the page scrolled
/// back to the field, and the click landed on whatever was there then (a bar of the Gantt
/// chart).
const AIM: &str = r#"
const aim = arguments[0];
window.__e2e.aim = aim;
window.__e2e.firstTarget = null;
const focused = document.activeElement;
if (focused && focused !== document.body && !aim.contains(focused)) focused.blur();
"#;

/// Whether the page's first click since [`AIM`] went to the element it aimed at (or into
/// it). The element may be gone by now, removed by its own click, so it is not passed again.
const LANDED_ON: &str = r#"
const target = window.__e2e?.firstTarget;
return !!target && window.__e2e.aim.contains(target);
"#;

/// What the window shows and what it last received, for a failure's message.
const DESCRIBE_THE_PAGE: &str = r#"
const e2e = window.__e2e ?? { clicks: [], errors: [], name: String };
return JSON.stringify({
  now_ms: Math.round(performance.now()),
  last_clicks: e2e.clicks,
  last_page_scrolls: e2e.scrolls,
  script_errors: e2e.errors,
  // Each call to Rust waiting for its answer holds two callbacks (listeners hold one each).
  tauri_callbacks_waiting: window.__TAURI_INTERNALS__?.callbacks?.size,
  // The last answers from Rust: the window measures each call (the newest per command).
  calls_answered_last: performance.getEntriesByType('measure')
    .filter((m) => m.name.startsWith('ipc '))
    .sort((a, b) => b.startTime + b.duration - a.startTime - a.duration)
    .slice(0, 6)
    .map((m) => `${m.name.slice(4)} asked at ${Math.round(m.startTime)} ms, answered after ${Math.round(m.duration)} ms`),
  focus: e2e.name(document.activeElement),
  scroll_y: Math.round(window.scrollY),
  headings: [...document.querySelectorAll('h1, h2')].map((h) => h.textContent.trim()).slice(0, 14),
  save_state: document.querySelector('[data-testid=save-state]')?.textContent.trim() ?? null,
}, null, 1);
"#;

impl App {
    /// Ends the session; dropping the app then stops the drivers.
    pub async fn close(self) {
        let _ = WebDriver::clone(&self.driver).quit().await;
    }

    pub async fn wait_for(&self, css: &str) -> WebElement {
        let started = Instant::now();
        let found = self
            .driver
            .query(By::Css(css))
            .wait(WAIT, Duration::from_millis(100))
            .first()
            .await;
        match found {
            Ok(element) => {
                note_if_slow(css, started);
                element
            }
            Err(e) => self.fail(format!("{css} did not appear: {e}")).await,
        }
    }

    /// Fails the test with `message` and what the window showed then, and saves a screenshot
    /// in the temporary folder (its path is in the message).
    pub async fn fail(&self, message: String) -> ! {
        let page = match self.driver.execute(DESCRIBE_THE_PAGE, Vec::new()).await {
            Ok(answer) => answer
                .json()
                .as_str()
                .map_or_else(|| answer.json().to_string(), str::to_owned),
            Err(e) => format!("(the page did not answer: {e})"),
        };
        let shot = std::env::temp_dir().join(format!(
            "mcplan-e2e-{}.png",
            std::thread::current()
                .name()
                .unwrap_or("test")
                .replace("::", "-")
        ));
        let shot = match self.driver.screenshot(&shot).await {
            Ok(()) => shot.display().to_string(),
            Err(e) => format!("none ({e})"),
        };
        panic!("{message}\nThe window then: {page}\nScreenshot: {shot}");
    }

    /// Clicks the element at `css` as a person would (see [`App::press`]).
    pub async fn click(&self, css: &str) {
        let element = self.wait_for(css).await;
        self.press(&element, css).await;
    }

    /// Clicks `element` (described by `what` in a failure) as a person would; the click must
    /// land on it.
    pub async fn press(&self, element: &WebElement, what: &str) {
        let aim = vec![element.to_json().expect("element as JSON")];
        self.driver
            .execute(AIM, aim)
            .await
            .unwrap_or_else(|e| panic!("aim at {what}: {e}"));
        element
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {what}: {e}"));
        let landed = self
            .driver
            .execute(LANDED_ON, Vec::new())
            .await
            .map(|answer| answer.json().as_bool() == Some(true))
            .unwrap_or(false);
        if !landed {
            self.fail(format!(
                "the click on {what} landed on something else: the page moved under it"
            ))
            .await;
        }
    }

    /// Chooses the option showing `text` in the select box at `css`, as a person would.
    pub async fn choose(&self, css: &str, text: &str) {
        let select = self.wait_for(css).await;
        thirtyfour::components::SelectElement::new(&select)
            .await
            .unwrap_or_else(|e| panic!("{css} is a select box: {e}"))
            .select_by_visible_text(text)
            .await
            .unwrap_or_else(|e| panic!("choose {text:?} in {css}: {e}"));
    }

    /// Every element at `css`, once the first has appeared.
    pub async fn all(&self, css: &str) -> Vec<WebElement> {
        self.wait_for(css).await;
        self.driver
            .find_all(By::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
    }

    pub async fn count(&self, css: &str) -> usize {
        self.driver
            .find_all(By::Css(css))
            .await
            .map(|v| v.len())
            .unwrap_or(0)
    }

    /// The text of every element at `css`, in the page's order.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let mut texts = Vec::new();
        for element in self.driver.find_all(By::Css(css)).await.unwrap_or_default() {
            texts.push(element.text().await.unwrap_or_default());
        }
        texts
    }

    pub async fn wait_text(&self, css: &str) -> String {
        let element = self.wait_for(css).await;
        element.text().await.expect("element text")
    }

    /// Waits until the element's text contains `wanted`, and returns the text.
    pub async fn wait_text_containing(&self, css: &str, wanted: &str) -> String {
        let started = Instant::now();
        loop {
            let text = match self.driver.find(By::Css(css)).await {
                Ok(element) => element.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if text.contains(wanted) {
                note_if_slow(css, started);
                return text;
            }
            if started.elapsed() >= WAIT {
                self.fail(format!("{css} never said {wanted:?}; it says {text:?}"))
                    .await;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn wait_saved(&self) {
        self.wait_text_containing("[data-testid=save-state]", "All changes saved")
            .await;
    }

    pub async fn plan_list_text(&self) -> String {
        self.wait_text("[data-testid=plan-list]").await
    }

    pub async fn open_plan(&self, title: &str) {
        for item in self
            .driver
            .find_all(By::Css("[data-testid=plan-item]"))
            .await
            .expect("items")
        {
            if item.text().await.unwrap_or_default().contains(title) {
                self.press(&item, &format!("the plan {title}")).await;
                self.wait_text_containing("h1", title).await;
                return;
            }
        }
        panic!("no plan titled {title} in the list");
    }

    /// Replaces what a field of `form` holds, typing like a person.
    pub async fn type_into(&self, form: &str, name: &str, text: &str) {
        let input = self
            .wait_for(&format!("[data-testid={form}] [name={name}]"))
            .await;
        self.press(&input, &format!("the field {name} of {form}"))
            .await;
        input
            .send_keys(Key::Control + "a")
            .await
            .expect("select all");
        input.send_keys(Key::Backspace).await.expect("clear");
        input.send_keys(text).await.expect("type");
    }

    pub async fn field(&self, name: &str) -> String {
        app_field_value(self, name).await
    }

    pub async fn create_plan(&self, title: &str, institution: &str, enrolment: &str) {
        self.click("[data-testid=new-plan]").await;
        self.type_into("new-plan-form", "title", title).await;
        self.type_into("new-plan-form", "institutionName", institution)
            .await;
        self.type_into("new-plan-form", "totalEnrolment", enrolment)
            .await;
        self.click("[data-testid=create-plan]").await;
        self.wait_text_containing("h1", title).await;
    }
}

/// Stops tauri-driver however the test ends, a failed one too: a test that panicked left
/// tauri-driver and WebKitWebDriver running, one pair for each failure.
impl Drop for App {
    fn drop(&mut self) {
        // The whole group: tauri-driver, WebKitWebDriver, the app and its web processes. Stopping
        // tauri-driver alone left apps and web processes running up to 12 s after their test,
        // up to five at once.
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.tauri_driver.id())])
            .status();
        let _ = self.tauri_driver.wait();
    }
}

impl App {
    /// The key of the assessment area whose page is showing.
    pub async fn area_on_screen(&self) -> String {
        let page = self.wait_for("[data-testid=area-page]").await;
        page.attr("data-area")
            .await
            .expect("attribute")
            .expect("data-area on the area page")
    }

    /// Waits until the area page shows an area other than `previous`, and returns it.
    pub async fn wait_for_area_change(&self, previous: &str) -> String {
        let started = Instant::now();
        loop {
            let area = self.area_on_screen().await;
            if area != previous {
                return area;
            }
            if started.elapsed() >= WAIT {
                self.fail(format!("the wizard stayed on {previous}")).await;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Answers the showing area's statements in order (as many as it has), clicking the
    /// choice's label as a person would, and waits for the save.
    pub async fn answer_area(&self, choices: &[&str]) {
        let statements = self
            .driver
            .find_all(By::Css("[data-testid=statement]"))
            .await
            .expect("statements");
        assert!(!statements.is_empty(), "the area page lists statements");
        for (statement, choice) in statements.iter().zip(choices) {
            let input = statement
                .find(By::Css(format!("input[value=\"{choice}\"]")))
                .await
                .unwrap_or_else(|e| panic!("choice {choice}: {e}"));
            let id = input
                .attr("id")
                .await
                .expect("attribute")
                .expect("the choice has an id");
            let label = statement
                .find(By::Css(format!("label[for=\"{id}\"]")))
                .await
                .unwrap_or_else(|e| panic!("label for choice {choice}: {e}"));
            self.press(&label, &format!("the choice {choice}")).await;
            self.wait_saved().await;
        }
    }
}

/// The value a profile-form field shows.
pub async fn app_field_value(app: &App, name: &str) -> String {
    let input = app
        .wait_for(&format!("[data-testid=profile-form] [name={name}]"))
        .await;
    input
        .value()
        .await
        .expect("field value")
        .unwrap_or_default()
}

/// A whole number as the window shows it in English: 38978 → "38,978".
pub fn grouped(n: u64) -> String {
    planner_core::format_count(n)
}

/// A step that took long is noted in the test's output (shown when it fails): a failure after a
/// run of slow steps points at a starved machine, one after quick steps at the window.
fn note_if_slow(what: &str, started: Instant) {
    let took = started.elapsed();
    if took > Duration::from_secs(3) {
        eprintln!("slow step: {what} after {:.1} s", took.as_secs_f64());
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

fn wait_for_port(port: u16) {
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < WAIT,
            "tauri-driver did not listen on port {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
