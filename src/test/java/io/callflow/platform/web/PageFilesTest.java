package io.callflow.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageFilesTest {

  @ParameterizedTest
  @ValueSource(strings = {"/index.html", "/demo.js", "/demo.css", "/logo.svg"})
  void plainFileNamesAreServed(String path) {
    assertEquals(path.substring(1), PageFiles.fileName(path));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/../web.xml",
        "/..",
        "/sub/index.html",
        "/index.jsp",
        "/index.html/",
        "/INDEX.HTML",
        "/.hidden.js",
        "/index.html%00.js"
      })
  void nothingButAPlainFileNameOfThePageIsServed(String path) {
    assertNull(PageFiles.fileName(path));
  }

  @org.junit.jupiter.api.Test
  void theFolderItselfIsItsIndex() {
    assertEquals("index.html", PageFiles.fileName("/"));
  }

  @org.junit.jupiter.api.Test
  void scriptsAndStyleSheetsCarryTheirTypeAndCharset() {
    assertEquals("text/javascript;charset=UTF-8", PageFiles.contentType("demo.js"));
    assertEquals("text/css;charset=UTF-8", PageFiles.contentType("demo.css"));
    assertEquals("text/html;charset=UTF-8", PageFiles.contentType("index.html"));
  }
}
