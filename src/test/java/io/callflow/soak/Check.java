package io.callflow.soak;

import java.util.List;

/**
 * One line of the reconciliation: what was checked, whether it holds, and the evidence (the
 * offending rows when it does not, what is still legitimately live when it does).
 */
record Check(String what, boolean holds, List<String> evidence) {

  static final int SHOWN = 10;

  static Check of(String what, List<String> offending) {
    return new Check(what, offending.isEmpty(), offending);
  }

  /**
   * A check that holds, with notes worth reading (e.g. what is still live, and why that is fine).
   */
  static Check holds(String what, List<String> notes) {
    return new Check(what, true, notes);
  }
}
