"""Parses a Prometheus text exposition read from stdin with prometheus_client's own parser (an independent reading of
what Sluice serves) and prints one line per family and per sample, tab-separated:
    FAMILY <name> <type>
    SAMPLE <sample name> <label=value,... sorted> <value>
Exits non-zero, with the parser's error on stderr, when the text does not parse."""
import sys

from prometheus_client.parser import text_string_to_metric_families


def main():
    text = sys.stdin.read()
    out = []
    for family in text_string_to_metric_families(text):
        out.append("FAMILY\t%s\t%s" % (family.name, family.type))
        for sample in family.samples:
            labels = ",".join("%s=%s" % (k, v) for k, v in sorted(sample.labels.items()))
            out.append("SAMPLE\t%s\t%s\t%r" % (sample.name, labels, float(sample.value)))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
