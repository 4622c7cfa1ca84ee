"""Small WordPress export files (WXR 1.2), written as WordPress' Tools › Export writes them."""

import itertools
from xml.sax.saxutils import escape

SITE = "https://praeventionskette-alt.example"
_ids = itertools.count(100)


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def author(login="redakteurin", email="redakteurin@ahlen.example", name="Renate Redakteurin"):
    return (
        "<wp:author><wp:author_id>2</wp:author_id>"
        f"<wp:author_login>{_cdata(login)}</wp:author_login>"
        f"<wp:author_email>{_cdata(email)}</wp:author_email>"
        f"<wp:author_display_name>{_cdata(name)}</wp:author_display_name>"
        "</wp:author>"
    )


def item(
    *,
    post_type="post",
    post_id=None,
    title="Präventionswoche in Ahlen",
    content="<!-- wp:paragraph -->\n<p>Eine Woche voller Angebote.</p>\n<!-- /wp:paragraph -->",
    excerpt="",
    status="publish",
    date="2017-03-03 00:30:00",
    date_gmt="2017-03-02 23:30:00",
    slug=None,
    link=None,
    guid=None,
    password="",
    creator="redakteurin",
    parent=0,
    categories=(),
    tags=(),
    meta=None,
    attachment_url="",
):
    """Return one <item>; categories and tags are names (their slug derived)."""
    post_id = next(_ids) if post_id is None else post_id
    slug = f"beitrag-{post_id}" if slug is None else slug
    if link is None:
        day = date[:10].replace("-", "/")
        link = f"{SITE}/{day}/{slug}/" if slug else f"{SITE}/?p={post_id}"
    guid = f"{SITE}/?p={post_id}" if guid is None else guid
    terms = "".join(
        f'<category domain="{domain}" nicename="{escape(name.lower().replace(" ", "-"))}">'
        f"{_cdata(name)}</category>"
        for domain, names in (("category", categories), ("post_tag", tags))
        for name in names
    )
    metas = "".join(
        f"<wp:postmeta><wp:meta_key>{_cdata(key)}</wp:meta_key>"
        f"<wp:meta_value>{_cdata(str(value))}</wp:meta_value></wp:postmeta>"
        for key, value in (meta or {}).items()
    )
    attachment = (
        f"<wp:attachment_url>{_cdata(attachment_url)}</wp:attachment_url>" if attachment_url else ""
    )
    return f"""
    <item>
      <title>{escape(title)}</title>
      <link>{escape(link)}</link>
      <pubDate>Fri, 03 Mar 2017 00:30:00 +0000</pubDate>
      <dc:creator>{_cdata(creator)}</dc:creator>
      <guid isPermaLink="false">{escape(guid)}</guid>
      <description></description>
      <content:encoded>{_cdata(content)}</content:encoded>
      <excerpt:encoded>{_cdata(excerpt)}</excerpt:encoded>
      <wp:post_id>{post_id}</wp:post_id>
      <wp:post_date>{_cdata(date)}</wp:post_date>
      <wp:post_date_gmt>{_cdata(date_gmt)}</wp:post_date_gmt>
      <wp:comment_status>{_cdata("open")}</wp:comment_status>
      <wp:ping_status>{_cdata("open")}</wp:ping_status>
      <wp:post_name>{_cdata(slug)}</wp:post_name>
      <wp:status>{_cdata(status)}</wp:status>
      <wp:post_parent>{parent}</wp:post_parent>
      <wp:menu_order>0</wp:menu_order>
      <wp:post_type>{_cdata(post_type)}</wp:post_type>
      <wp:post_password>{_cdata(password)}</wp:post_password>
      <wp:is_sticky>0</wp:is_sticky>
      {attachment}{terms}{metas}
    </item>"""


def attachment(*, post_id, path="2017/03/fest.jpg", alt="Kinder beim Fest", caption="", **kw):
    """Return an attachment item whose file lies at wp-content/uploads/<path>."""
    url = kw.pop("attachment_url", f"{SITE}/wp-content/uploads/{path}")
    meta = {"_wp_attached_file": path}
    if alt:
        meta["_wp_attachment_image_alt"] = alt
    return item(
        post_type="attachment",
        post_id=post_id,
        title=path.rsplit("/", 1)[-1],
        content="",
        excerpt=caption,
        status="inherit",
        slug=f"anhang-{post_id}",
        guid=url,
        attachment_url=url,
        meta=meta,
        **kw,
    )


def wxr(*items, authors=None, version="1.2"):
    """Return a whole export file with the given items (and one author unless given)."""
    authors = (author(),) if authors is None else authors
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
  xmlns:excerpt="http://wordpress.org/export/{version}/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wfw="http://wellformedweb.org/CommentAPI/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/{version}/">
<channel>
  <title>Ahlener Präventionskette</title>
  <link>{SITE}</link>
  <description>Alte Website</description>
  <language>de-DE</language>
  <wp:wxr_version>{version}</wp:wxr_version>
  <wp:base_site_url>{SITE}</wp:base_site_url>
  <wp:base_blog_url>{SITE}</wp:base_blog_url>
  {"".join(authors)}
  {"".join(items)}
</channel>
</rss>
"""


def imported(post_id):
    """Return the record the import made of a WordPress item."""
    from apps.wordpress.models import ImportedItem

    return ImportedItem.objects.get(post_id=post_id).record
