//! A counter: one signal, two buttons, one derived text. The baseline Leptos app that
//! `bench/run.mjs` sets beside Nianbao's release build.

use leptos::prelude::*;

#[component]
fn Counter() -> impl IntoView {
    let count = RwSignal::new(0);
    let double = move || count.get() * 2;
    view! {
        <main>
            <button class="decrement" on:click=move |_| count.update(|n| *n -= 1)>"−1"</button>
            <output class="count">{move || count.get()}</output>
            <button class="increment" on:click=move |_| count.update(|n| *n += 1)>"+1"</button>
            <p class="double">"×2 = " {double}</p>
        </main>
    }
}

fn main() {
    leptos::mount::mount_to_body(Counter);
}
