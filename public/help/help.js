// The help page's one script: which language shows. Every block of the page is there in Chinese
// (lang="zh-CN") and in English (lang="en"); help.css hides the one not chosen, by the
// data-show attribute this script puts on <html>. Without this script both languages show,
// Chinese first, and nothing is lost.
//
// The choice is the app's own: localStorage "nianbao:lang", "zh" or "en" (src/app_state.rs,
// LANG_KEY under the storage prefix of src/platform/storage.rs), so the help opens in the
// language the editor was left in, and a switch here is the editor's next language too.
//
// Loaded in <head> without defer, so that the language is chosen before the page is first
// painted (no flash of both languages); the button is wired once the page is read.
(function () {
  'use strict';

  var KEY = 'nianbao:lang';
  var root = document.documentElement;

  /** The language stored by the app or by this page; Chinese when none (as in the app). */
  function storedLanguage() {
    try {
      var value = window.localStorage.getItem(KEY);
      return value === 'en' || value === 'zh' ? value : 'zh';
    } catch (e) {
      // Storage refused (private window, disabled): Chinese, and the switch still works.
      return 'zh';
    }
  }

  function remember(lang) {
    try {
      window.localStorage.setItem(KEY, lang);
    } catch (e) {
      // Not remembered; the page still switches.
    }
  }

  /** Shows `lang` ("zh" or "en"): the page's blocks, its lang attribute, title, pictures' alt. */
  function show(lang) {
    root.setAttribute('data-show', lang);
    root.setAttribute('lang', lang === 'en' ? 'en' : 'zh-CN');
    // A page that names its title in each language (data-title-zh, data-title-en) gets it;
    // another (the rules' page, bilingual in one title) keeps its own.
    var title = root.getAttribute(lang === 'en' ? 'data-title-en' : 'data-title-zh');
    if (title) document.title = title;
    if (!document.body) return;
    var button = document.getElementById('switch-language');
    if (button) {
      // Like the app's button: it names the other language, in that language.
      button.textContent = lang === 'en' ? '中文' : 'English';
      button.setAttribute('lang', lang === 'en' ? 'zh-CN' : 'en');
    }
    var pictures = document.querySelectorAll('img[data-alt-en]');
    for (var i = 0; i < pictures.length; i++) {
      var img = pictures[i];
      if (!img.hasAttribute('data-alt-zh')) img.setAttribute('data-alt-zh', img.getAttribute('alt') || '');
      img.setAttribute('alt', img.getAttribute(lang === 'en' ? 'data-alt-en' : 'data-alt-zh'));
      img.setAttribute('lang', lang === 'en' ? 'en' : 'zh-CN');
    }
  }

  var current = storedLanguage();
  show(current);

  document.addEventListener('DOMContentLoaded', function () {
    show(current);
    var button = document.getElementById('switch-language');
    if (!button) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      current = current === 'en' ? 'zh' : 'en';
      remember(current);
      show(current);
    });
  });

  // The editor switched language in another tab: follow it.
  window.addEventListener('storage', function (event) {
    if (event.key === KEY && (event.newValue === 'zh' || event.newValue === 'en') && event.newValue !== current) {
      current = event.newValue;
      show(current);
    }
  });
})();
