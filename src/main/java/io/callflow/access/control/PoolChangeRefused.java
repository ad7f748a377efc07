package io.callflow.access.control;

import io.callflow.platform.domain.ParameterInvalid.Field;
import java.util.List;

/**
 * A change to a pool that conflicts with what the server holds now: its name taken, its bookings
 * live, its numbers in another pool or booked. Names each part of the request at fault.
 */
public final class PoolChangeRefused extends AccessRefusal {

  private final List<Field> fields;

  public PoolChangeRefused(String detail, List<Field> fields) {
    super(detail);
    this.fields = List.copyOf(fields);
  }

  public List<Field> fields() {
    return fields;
  }
}
