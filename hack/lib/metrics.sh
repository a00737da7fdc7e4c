# shellcheck shell=bash
# Reading Prometheus metrics (the text exposition format) in hack/ scripts.

# The sum of the samples of one metric, read from the exposition on stdin, printed as a whole number (0 when
# there is none). The name matches exactly: a prefix would also count astralytiq_x_total_created, the series
# that says when a counter was created. The optional extended regex matches the label set as written, braces
# included ('verb="(POST|PUT)"'; every series of the metric without it). The sample value is the field after
# the label set, not the line's last one, which is a timestamp when the line has one. Summing rather than taking
# one series: the callers count requests or reconciliations over several series (verbs, controllers).
metric_sum() { # <metric name> [label regex]
  awk -v name="$1" -v labels="${2:-}" '
    /^[ \t]*(#|$)/ { next }
    {
      if (match($0, /^[ \t]*[^{ \t]+[ \t]*\{.*\}/)) { series = substr($0, 1, RLENGTH); rest = substr($0, RLENGTH + 1) }
      else { series = $1; rest = substr($0, index($0, $1) + length($1)) }
      n = series; sub(/^[ \t]+/, "", n); sub(/[ \t]*\{.*/, "", n)
      set = series; sub(/^[^{]*/, "", set)
      if (n != name || (labels != "" && set !~ labels)) next
      split(rest, value, " ")
      sum += value[1]
    }
    END { printf "%.0f\n", sum }'
}

# metric_sum over what <url> serves now (an operator's /metrics). Prints nothing and fails when the URL does not
# answer: a 0 would pass for a count.
metric() { # <url> <metric name> [label regex]
  local exposition
  exposition="$(curl -fsS --max-time 10 "$1")" || return
  metric_sum "$2" "${3:-}" <<<"$exposition"
}
