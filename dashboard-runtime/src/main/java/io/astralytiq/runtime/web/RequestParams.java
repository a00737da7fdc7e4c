package io.astralytiq.runtime.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/** Query parameters as the variable resolver takes them. */
public final class RequestParams {

  private RequestParams() {}

  public static Map<String, List<String>> of(MultiValueMap<String, String> params) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    params.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return out;
  }
}
