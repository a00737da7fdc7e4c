"""A link from a page to a file of the repository outside docs/ (an example, a script, the chart) works on
GitHub as a relative path; on the site it points at the file in the repository instead."""
import posixpath
import re

LINK = re.compile(r"\]\(((?:\.\./)+)([^)#\s]+)([^)]*)\)")


def on_page_markdown(markdown, page, config, files):
    depth = page.file.src_uri.count("/")
    base = config.repo_url.rstrip("/") + "/blob/main/"

    def rewrite(m):
        ups = len(m.group(1)) // 3
        if ups <= depth:
            return m.group(0)
        inside = posixpath.dirname(page.file.src_uri)
        target = posixpath.normpath(posixpath.join("docs", inside, m.group(1) + m.group(2)))
        return "](" + base + target + m.group(3) + ")"

    return LINK.sub(rewrite, markdown)
