//! An empty Tauri window, built the same way as the app, so memory can be compared with a floor.
fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!("examples/empty/tauri.conf.json"))
        .expect("the empty window failed to start");
}
