/*
 * The admin in German where Django and django-prose-editor write English outside their
 * translations, and the rich-text area as a place to write in: spellcheck in German.
 *
 * Loaded with defer from admin/base_site.html: it runs after the admin's JavaScript catalog
 * (window.gettext) and before the prose editor's modules, which read window.gettext once
 * when they load. django-prose-editor 0.28 sends its dialog texts through gettext, but the
 * admin's catalog does not hold them, and it writes its toolbar's titles and the block-type
 * names without gettext; both are put into German here.
 */
(function () {
  "use strict";

  // Dialog texts of the editor, the ones it passes through gettext.
  const DIALOG = {
    "Add caption": "Bildunterschrift hinzufügen",
    "Alternative Text": "Alternativtext",
    "Browse...": "Durchsuchen …",
    Bullets: "Aufzählungszeichen",
    Cancel: "Abbrechen",
    Caption: "Bildunterschrift",
    Columns: "Spalten",
    "Decimal numbers": "Zahlen",
    "Edit Figure": "Bild bearbeiten",
    "Edit HTML": "HTML bearbeiten",
    "Edit Image": "Bild bearbeiten",
    "Edit Link": "Link bearbeiten",
    "Image URL": "Bildadresse",
    "Include header row": "Mit Kopfzeile",
    "Insert Figure": "Bild einfügen",
    "Insert Table": "Tabelle einfügen",
    Insert: "Einfügen",
    "List properties": "Listeneigenschaften",
    "List type": "Art der Liste",
    "Lowercase Roman numerals": "Römische Zahlen, klein",
    "Lowercase letters": "Kleinbuchstaben",
    "Open in new window": "In neuem Fenster öffnen",
    Prettify: "Übersichtlich einrücken",
    "Remove caption": "Bildunterschrift entfernen",
    Rows: "Zeilen",
    "Start at": "Beginnt bei",
    "Table Properties": "Tabelleneigenschaften",
    "The HTML contents of the editor. Note that the allowed HTML is restricted by the editor schema.":
      "Der HTML-Inhalt des Editors. Erlaubt ist nur, was das Schema des Editors zulässt.",
    Title: "Titel",
    "Toggle fullscreen": "Vollbild ein/aus",
    URL: "Adresse (URL)",
    Update: "Übernehmen",
    "Uppercase Roman numerals": "Römische Zahlen, groß",
    "Uppercase letters": "Großbuchstaben",
  };

  // Toolbar buttons: their title and aria-label.
  const BUTTONS = {
    bold: "Fett",
    italic: "Kursiv",
    underline: "Unterstrichen",
    strike: "Durchgestrichen",
    subscript: "Tiefgestellt",
    superscript: "Hochgestellt",
    "unordered list": "Aufzählung",
    "ordered list": "Nummerierte Liste",
    blockquote: "Zitat",
    "horizontal rule": "Trennlinie",
    "insert link": "Link einfügen",
    "remove link": "Link entfernen",
    paragraph: "Absatz",
    undo: "Rückgängig",
    redo: "Wiederholen",
    "edit HTML": "HTML bearbeiten",
    "Insert table": "Tabelle einfügen",
    "Merge cells": "Zellen verbinden",
    "Split cell": "Zelle teilen",
    "Code block": "Codeblock",
    Code: "Code",
    figure: "Bild",
    Styles: "Formate",
    ...DIALOG,
  };

  // Names of the block types in the toolbar's drop-down.
  const BLOCKS = { Paragraph: "Absatz", "Code block": "Codeblock", "Reset all classes": "Formate entfernen" };

  function germanButton(text) {
    const heading = /^heading (\d)$/.exec(text);
    return heading ? `Überschrift ${heading[1]}` : BUTTONS[text];
  }

  function germanBlock(text) {
    const heading = /^Heading (\d)$/.exec(text);
    return heading ? `Überschrift ${heading[1]}` : BLOCKS[text];
  }

  if (typeof window.gettext === "function") {
    const gettext = window.gettext;
    window.gettext = (text) => DIALOG[text] || gettext(text);
  } else {
    window.gettext = (text) => DIALOG[text] || text;
  }

  function translateMenu(root) {
    for (const element of root.querySelectorAll("[title], [aria-label]")) {
      for (const name of ["title", "aria-label"]) {
        const german = germanButton(element.getAttribute(name) || "");
        if (german && element.getAttribute(name) !== german) element.setAttribute(name, german);
      }
    }
    const blocks = root.querySelectorAll(
      ".prose-menubar__option *, .prose-menubar__selected *, .prose-menubar__option, .prose-menubar__selected",
    );
    for (const element of blocks) {
      for (const node of element.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE) continue;
        const german = germanBlock(node.textContent.trim());
        if (german) node.textContent = german;
      }
    }
  }

  function prepare(textarea, view) {
    const wrapper = textarea.closest(".prose-editor") || textarea.parentElement;
    if (view) {
      view.dom.setAttribute("spellcheck", "true");
      view.dom.setAttribute("lang", "de");
    }
    translateMenu(wrapper);
    new MutationObserver(() => translateMenu(wrapper)).observe(wrapper, {
      childList: true,
      subtree: true,
      attributeFilter: ["title", "aria-label"],
    });
  }

  document.addEventListener("prose-editor:ready", (event) => {
    prepare(event.detail.textarea, event.detail.editor && event.detail.editor.view);
  });

  // Django's own icons carry English alt texts ("True", "False", "Search").
  const ICONS = { "icon-yes.svg": "ja", "icon-no.svg": "nein", "icon-unknown.svg": "unbekannt", "search.svg": "Suchen" };

  function translateIcons() {
    for (const image of document.querySelectorAll("img[alt]")) {
      const name = (image.getAttribute("src") || "").split("/").pop();
      if (ICONS[name]) image.setAttribute("alt", ICONS[name]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", translateIcons);
  } else {
    translateIcons();
  }
})();
