#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the extraction development set: pages/NAME.html and
pages/NAME.json (the gold: title, author, date, outlet, body blocks).

The pages imitate the shapes of real news sites (navigation, cookie
banners, share widgets, figures, related lists, comments, sidebars,
div soup, table layouts, JSON-LD, saved-page comments, legacy charsets)
around invented articles (articles.py). Deterministic: the same run
writes the same bytes. Run it again after changing articles or shapes.
"""

import html
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from articles import ARTICLES  # noqa: E402

esc = html.escape

RELATED = [
    "Council approves budget for harbour repairs after long debate",
    "Five things to know about the new timetable this spring",
    "Weather warning issued for the coast as storms approach",
    "Opinion: why our small towns need better buses, not bigger roads",
    "Photos: the week in pictures from around the region",
    "School holidays: what is open and what is closed this week",
    "Fishermen protest quota cuts outside the ministry",
    "Museum night draws record crowds despite the rain",
]
COMMENTS = [
    "I have taken this ferry every week for twenty years and I have never seen the service in such a state, honestly, it is a disgrace and somebody should be held responsible for it.",
    "Completely agree with the previous comment. The management has ignored the problem for years, and now everyone acts surprised that things have fallen apart.",
    "Nobody seems to remember that the same thing happened eleven years ago, and the promises made back then were never kept, not one of them, as far as I can tell.",
    "Maybe if people actually used the service more often outside the summer months, there would be more money to pay the staff properly and fix what is broken.",
    "Interesting article, but it leaves out the most important question, which is who is going to pay for all of this in the end, because it will not be the company.",
    "My grandmother used to say that the island would always look after itself, and I think she was right, we will manage somehow, we always have.",
    "This is exactly the kind of local reporting we need more of. Thank you for covering it properly and for talking to the people who are actually affected.",
    "Does anyone know whether the timetable for the weekend has been published yet? I cannot find it anywhere on the website and the phone line is always busy.",
    "I was there on Saturday morning and the queue went all the way back to the petrol station, people were sleeping in their cars, it was unbelievable.",
    "Well said. Too often these decisions are taken far away by people who never set foot here, and then we are told to be grateful for whatever is left.",
]


def link_words(text, rng, href="/topics/x"):
    """Puts a link around a few words in the middle of a paragraph."""
    words = text.split(" ")
    if len(words) < 12 or rng.random() < 0.5:
        return esc(text)
    i = rng.randrange(3, len(words) - 6)
    n = rng.randrange(2, 4)
    before = " ".join(words[:i])
    inside = " ".join(words[i:i + n])
    after = " ".join(words[i + n:])
    return f'{esc(before)} <a href="{href}">{esc(inside)}</a> {esc(after)}'


def body_html(blocks, rng, heading="h2", p_attrs=""):
    out = []
    in_list = False
    for kind, text in blocks:
        if kind == "li":
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{esc(text)}</li>")
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        if kind == "p":
            out.append(f"<p{p_attrs}>{link_words(text, rng)}</p>")
        elif kind == "h":
            out.append(f"<{heading}>{esc(text)}</{heading}>")
        elif kind == "q":
            out.append(f"<blockquote><p>{esc(text)}</p></blockquote>")
    if in_list:
        out.append("</ul>")
    return "\n".join(out)


def related_list(rng, n=4, cls="related"):
    items = rng.sample(RELATED, n)
    lis = "".join(f'<li><a href="/news/{i}">{esc(t)}</a></li>' for i, t in enumerate(items))
    return f'<section class="{cls}"><h3>Related stories</h3><ul>{lis}</ul></section>'


def nav(items=("News", "Local", "Sport", "Business", "Culture", "Opinion", "Weather")):
    lis = "".join(f'<li><a href="/{i.lower()}">{i}</a></li>' for i in items)
    return f"<nav><ul>{lis}</ul></nav>"


def comments(rng, n):
    out = ['<div id="comments" class="comments"><h3>Comments</h3>']
    for i, c in enumerate(rng.sample(COMMENTS, n)):
        out.append(f'<div class="comment"><span class="comment-author">reader{i + 17}</span><p>{esc(c)}</p></div>')
    out.append("</div>")
    return "\n".join(out)


def human_date(iso, lang="en"):
    y, m, d = (int(x) for x in iso.split("-"))
    months = {
        "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"],
        "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
               "Oktober", "November", "Dezember"],
        "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
               "octobre", "novembre", "décembre"],
    }[lang]
    if lang == "de":
        return f"{d}. {months[m - 1]} {y}"
    if lang == "fr":
        return f"{d} {months[m - 1]} {y}"
    return f"{months[m - 1]} {d}, {y}"


def authors_text(a, joiner=" and "):
    return a[0] if len(a) == 1 else ", ".join(a[:-1]) + joiner + a[-1]


# ---------------------------------------------------------------- shapes


def shape_classic(art, rng):
    outlet = "The Harbour Gazette"
    url = f"https://www.harbour-gazette.example/news/{art['slug']}"
    body = art["blocks"]
    half = len(body) // 2
    page = f"""<!DOCTYPE html>
<html lang="{art['lang']}"><head><meta charset="utf-8">
<title>{esc(art['title'])} | {outlet}</title>
<meta property="og:title" content="{esc(art['title'])}">
<meta property="og:site_name" content="{outlet}">
<meta property="article:published_time" content="{art['date']}T07:45:00+01:00">
<meta name="author" content="{esc(', '.join(art['authors']))}">
<link rel="canonical" href="{url}">
<script>window.dataLayer = []; function track(){{}}</script>
<style>body{{font-family:serif}} .promo{{color:red}}</style>
</head><body>
<header class="site-header"><a class="logo" href="/">{outlet}</a>{nav()}</header>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button> <a href="/privacy">Privacy policy</a></div>
<main><article class="story">
<h1>{esc(art['title'])}</h1>
<div class="byline">By {esc(authors_text(art['authors']))}</div>
<time datetime="{art['date']}T07:45:00+01:00">{human_date(art['date'])}</time>
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
<div class="story-body">
{body_html(body[:half], rng)}
<figure><img src="photo.jpg" alt=""><figcaption>The scene on Saturday morning, as seen from the quay. Photo: Staff photographer</figcaption></figure>
<div class="ad-slot"><p>Advertisement</p></div>
{body_html(body[half:], rng)}
</div>
{related_list(rng)}
</article></main>
<aside class="sidebar"><h3>Most read</h3><ol><li><a href="/a">Something else happened somewhere in the region today</a></li><li><a href="/b">Another story everybody is reading this week</a></li></ol></aside>
{comments(rng, 3)}
<footer><p>© 2031 {outlet}. All rights reserved.</p><p><a href="/about">About us</a> · <a href="/contact">Contact</a></p></footer>
</body></html>"""
    return page, outlet


def shape_jsonld(art, rng):
    outlet = "Alpine Courier"
    url = f"https://alpine-courier.example/stories/{art['slug']}"
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "NewsMediaOrganization", "@id": "https://alpine-courier.example/#org", "name": outlet},
            {"@type": ["NewsArticle"], "headline": art["title"], "datePublished": art["date"] + "T18:20:00Z",
             "author": [{"@type": "Person", "name": a} for a in art["authors"]],
             "publisher": {"@id": "https://alpine-courier.example/#org"},
             "mainEntityOfPage": {"@id": url}},
        ],
    }
    paras = "\n".join(
        f'<div class="txt-block">{link_words(t, rng)}</div>' if k != "h" else f'<div class="txt-sub"><b>{esc(t)}</b></div>'
        for k, t in art["blocks"])
    page = f"""<!doctype html>
<html><head><meta charset="utf-8">
<title>{outlet} · {esc(art['title'])}</title>
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
</head><body><div id="page">
<div class="topbar"><a href="/">Start</a> | <a href="/culture">Culture</a> | <a href="/sport">Sport</a> | <a href="/login">Log in</a></div>
<div class="content-main"><div class="article-text">
{paras}
</div>
<div class="article-tags">Tags: <a href="/t/1">Region</a> <a href="/t/2">Society</a></div></div>
<div class="teasers"><div class="teaser"><a href="/x">New cable car opens in the valley next month</a></div><div class="teaser"><a href="/y">Hiking paths closed after the storm</a></div></div>
</div></body></html>"""
    return page, outlet


def shape_table(art, rng):
    outlet = "Valley Post"
    paras = "<br><br>\n".join(esc(t) for k, t in art["blocks"])
    page = f"""<html>
<head><title>{esc(art['title'])} - {outlet}</title></head>
<body bgcolor="#ffffff">
<table width="100%"><tr><td class="menu" width="150"><a href="/">Home</a><br><a href="/local">Local</a><br><a href="/weather">Weather</a><br><a href="/archive">Archive</a></td>
<td>
<font size="5"><b>{esc(art['title'])}</b></font><br>
By {esc(authors_text(art['authors']))}<br>
{human_date(art['date'])}<br><br>
{paras}
<br><br><center>Advertisement</center>
</td></tr></table>
<div align="center"><small>Copyright {art['date'][:4]} {outlet}. <a href="/contact">Contact us</a></small></div>
</body></html>"""
    return page, outlet


def shape_blog(art, rng):
    outlet = "Notes from the Sound"
    page = f"""<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8">
<title>{esc(art['title'])} &#8211; {outlet}</title>
<meta name="generator" content="WordPress 9.1">
<link rel="alternate" type="application/rss+xml" href="/feed">
</head><body class="post-template-default single single-post">
<div id="masthead" class="site-header"><p class="site-title"><a href="/">{outlet}</a></p><p class="site-description">A blog about island life</p></div>
<div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-{rng.randrange(100, 999)}" class="post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">{esc(art['title'])}</h1>
<div class="entry-meta">Posted on <time class="entry-date published" datetime="{art['date']}T09:00:00+00:00" pubdate>{human_date(art['date'])}</time> by <span class="author vcard"><a class="url fn n" rel="author" href="/author/x">{esc(authors_text(art['authors']))}</a></span></div></header>
<div class="entry-content">
{body_html(art['blocks'], rng, heading='h3')}
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a href="#">Twitter</a></li><li><a href="#">Facebook</a></li></ul></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3>Related</h3><p><a href="/r1">A walk along the north shore in the first days of spring</a></p></div>
</div>
<footer class="entry-footer">Posted in <a href="/c/island">Island</a> | Tagged <a href="/t/a">news</a></footer>
</article>
<div id="comments" class="comments-area"><h2 class="comments-title">4 thoughts on this post</h2><ol class="comment-list">
{''.join(f'<li class="comment"><article class="comment-body"><footer class="comment-meta">reader{i} says:</footer><div class="comment-content"><p>{esc(c)}</p></div></article></li>' for i, c in enumerate(rng.sample(COMMENTS, 4)))}
</ol></div>
</main></div>
<div id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul><li><a href="/p1">Winter on the island: a diary</a></li><li><a href="/p2">The ferry timetable explained</a></li></ul></section>
<section class="widget widget_text"><div class="textwidget"><p>I write about life on a small island in the north. Opinions are my own, and so are the mistakes, which I am always happy to correct.</p></div></section></div>
</body></html>"""
    return page, outlet


def shape_wire(art, rng):
    outlet = "Meridian Wire"
    url = f"https://www.meridianwire.example/world/{art['slug']}-{art['date'].replace('-', '')}/"
    paras = []
    for i, (k, t) in enumerate(art["blocks"]):
        if k == "h":
            paras.append(f'<h2 data-testid="Heading">{esc(t)}</h2>')
        else:
            paras.append(f'<div data-testid="paragraph-{i}" class="text__text">{link_words(t, rng)}</div>')
        if i == 1:
            paras.append('<div class="read-next"><p>Read more: <a href="/x">Regional transport strikes spread to the rail network</a></p></div>')
    page = f"""<!DOCTYPE html><html lang="en"><head>
<meta charset="utf-8"><title>{esc(art['title'])} | {outlet}</title>
<meta name="description" content="{esc(art['blocks'][0][1][:150])}">
<meta property="og:title" content="{esc(art['title'])}">
<meta property="og:url" content="{url}">
<meta name="article:author" content="{esc(', '.join(art['authors']))}">
<meta name="date" content="{art['date']}T10:15:00Z">
</head><body>
<div id="fusion-app"><header class="site-header__container"><a href="/">{outlet}</a><nav><a href="/world">World</a> <a href="/business">Business</a> <a href="/markets">Markets</a></nav></header>
<div class="article-header"><h1 data-testid="Heading">{esc(art['title'])}</h1>
<div class="article-header__meta"><span>By {esc(authors_text(art['authors']))}</span><time>{human_date(art['date'])} 10:15 AM UTC</time><span>Updated ago</span></div></div>
<div class="article-body__content">
{chr(10).join(paras)}
<p class="sign-off">Reporting by {esc(art['authors'][0])}; Editing by Peter Quill</p>
<div class="trust-badge"><p>Our Standards: The Meridian Wire Trust Principles.</p></div>
</div>
<div class="recommendations"><h3>More from Meridian Wire</h3><ul>{''.join(f'<li><a href="/m{i}">{esc(t)}</a></li>' for i, t in enumerate(rng.sample(RELATED, 5)))}</ul></div>
</div></body></html>"""
    return page, outlet


def shape_longform(art, rng):
    outlet = "The Northern Review"
    blocks = art["blocks"]
    parts = []
    for i, (k, t) in enumerate(blocks):
        parts.append(body_html([(k, t)], rng, heading="h2"))
        if i == 2:
            parts.append(f'<aside class="pullquote"><p>{esc(blocks[0][1][:80])}</p></aside>')
    page = f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>{esc(art['title'])} | {outlet}</title>
<meta property="og:site_name" content="{outlet}">
<meta property="og:title" content="{esc(art['title'])}">
<meta name="byl" content="By {esc(authors_text(art['authors']))}">
<meta property="article:published_time" content="{art['date']}">
</head><body>
<div class="skip-link"><a href="#content">Skip to content</a></div>
<header><div class="masthead"><a href="/">{outlet}</a></div>{nav(('Essays', 'Reviews', 'Podcasts', 'Events', 'Subscribe'))}</header>
<article id="content">
<header class="article-header"><p class="kicker">Long read</p><h1>{esc(art['title'])}</h1>
<p class="standfirst-credit">Words by {esc(authors_text(art['authors']))}</p></header>
<section class="article-content">
{chr(10).join(parts)}
</section>
<section class="author-bio"><p>{esc(art['authors'][0])} is a writer who has covered the region for many years, and is working on a book about its rivers and bridges.</p></section>
<div class="newsletter-signup"><h3>Sign up for our weekly newsletter</h3><p>The best of our long reads, every Sunday morning, free.</p><form><input type="email"><button>Sign up</button></form></div>
</article>
<footer>{nav(('About', 'Contact', 'Jobs', 'Terms'))}<p>The Northern Review is published by Northern Media.</p></footer>
</body></html>"""
    return page, outlet


def shape_split(art, rng):
    outlet = "Coastline Today"
    blocks = art["blocks"]
    a, b = blocks[: len(blocks) // 2], blocks[len(blocks) // 2:]
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{esc(art['title'])} - Coastline Today</title>
<meta property="og:site_name" content="{outlet}">
<meta property="article:published_time" content="{art['date']}T06:00:00-05:00">
<meta name="author" content="{esc(', '.join(art['authors']))}">
</head><body>
<div class="page-wrap"><div class="top-nav">{nav()}</div>
<div class="article-wrap"><h1 class="headline">{esc(art['title'])}</h1>
<div class="article-meta-row"><span class="author-name">{esc(authors_text(art['authors']))}</span> <span class="pub-date">{human_date(art['date'])}</span></div>
<div class="article-body-part">
{body_html(a, rng)}
</div>
<div class="inline-newsletter"><p>Get the morning briefing: the day's top coastal news in your inbox before breakfast.</p><a href="/signup">Sign up now</a></div>
<div class="ad-container"><div class="ad-label">Advertisement</div></div>
<div class="article-body-part">
{body_html(b, rng)}
</div>
<div class="article-tags"><a href="/t/1">Transport</a> <a href="/t/2">Local government</a></div>
</div>
<div class="more-stories">{related_list(rng, 5, 'more-stories-list')}</div>
</div></body></html>"""
    return page, outlet


def shape_amp(art, rng):
    outlet = "Riverside Daily"
    ld = {"@context": "https://schema.org", "@type": "ReportageNewsArticle", "headline": art["title"],
          "author": [a for a in art["authors"]], "datePublished": art["date"] + "T12:00:00+02:00",
          "publisher": {"@type": "Organization", "name": outlet}}
    page = f"""<!doctype html><html ⚡ lang="en"><head><meta charset="utf-8">
<title>{esc(art['title'])}</title>
<link rel="canonical" href="https://www.riverside-daily.example/{art['date'].replace('-', '/')}/{art['slug']}.html">
<script async src="https://cdn.ampproject.example/v0.js"></script>
<script type="application/ld+json">{json.dumps(ld)}</script>
<style amp-custom>.a{{color:#333}}</style>
</head><body>
<amp-sidebar id="menu" layout="nodisplay"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></amp-sidebar>
<div class="amp-header"><a href="/">{outlet}</a></div>
<div class="amp-article">
<h1 class="amp-title">{esc(art['title'])}</h1>
<amp-img src="a.jpg" width="600" height="400" layout="responsive"></amp-img>
<div class="amp-caption">A view of the scene. (Riverside Daily)</div>
<div class="amp-body">
{body_html(art['blocks'], rng)}
</div>
<amp-ad width="300" height="250" type="doubleclick"></amp-ad>
<amp-social-share type="twitter"></amp-social-share>
</div>
<div class="amp-footer"><p>© Riverside Daily</p></div>
</body></html>"""
    return page, outlet


def shape_nextjs(art, rng):
    outlet = "Pulse Local"
    def cls():
        return "css-" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(6))
    paras = []
    for k, t in art["blocks"]:
        if k == "h":
            paras.append(f'<h2 class="{cls()}">{esc(t)}</h2>')
        elif k == "li":
            paras.append(f'<ul class="{cls()}"><li class="{cls()}">{esc(t)}</li></ul>')
        elif k == "q":
            paras.append(f'<blockquote class="{cls()}"><p>{esc(t)}</p></blockquote>')
        else:
            paras.append(f'<div class="{cls()}"><div class="{cls()}"><p class="{cls()}">{link_words(t, rng)}</p></div></div>')
    data = {"props": {"pageProps": {"article": {"title": art["title"], "body": "…"}}}}
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>
<title>{esc(art['title'])} | {outlet}</title>
<meta property="og:title" content="{esc(art['title'])} | {outlet}"/>
<meta property="og:site_name" content="{outlet}"/>
<meta property="article:published_time" content="{art['date']}T15:30:00.000Z"/>
<meta property="article:author" content="https://pulselocal.example/authors/{art['authors'][0].lower().replace(' ', '-')}"/>
<meta name="parsely-author" content="{esc(', '.join(art['authors']))}"/>
</head><body><div id="__next"><div class="{cls()}"><div class="{cls()}">
<div class="{cls()}"><a href="/">{outlet}</a><div class="{cls()}"><a href="/local">Local</a><a href="/food">Food</a><a href="/events">Events</a></div></div>
<div class="{cls()}"><div class="{cls()}"><h1 class="{cls()}">{esc(art['title'])}</h1>
<div class="{cls()}"><span class="{cls()}">{esc(authors_text(art['authors']))}</span></div>
<div class="{cls()}">
{chr(10).join(paras)}
</div></div>
<div class="{cls()}"><div class="{cls()}">Trending</div>{''.join(f'<div class="{cls()}"><a href="/t{i}">{esc(t)}</a></div>' for i, t in enumerate(rng.sample(RELATED, 4)))}</div></div>
</div></div></div>
<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script></body></html>"""
    return page, outlet


def shape_foreign(art, rng):
    lang = art["lang"]
    outlet = {"de": "Rheinische Rundschau", "fr": "Le Courrier du Port", "en": "Border Herald"}[lang]
    by = {"de": "Von", "fr": "Par", "en": "By"}[lang]
    page = f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>{esc(art['title'])} | {outlet}</title>
<meta property="og:site_name" content="{outlet}">
</head><body>
<div id="header">{nav(('Politik', 'Wirtschaft', 'Kultur', 'Sport', 'Region') if lang == 'de' else ('Actualité', 'Région', 'Culture', 'Sports', 'Météo'))}</div>
<div id="content"><div class="artikel">
<h1>{esc(art['title'])}</h1>
<p class="autor">{by} {esc(authors_text(art['authors'], ' und ' if lang == 'de' else ' et '))}</p>
<p class="datum">{human_date(art['date'], lang if lang in ('de', 'fr') else 'en')}</p>
{body_html(art['blocks'], rng)}
</div>
<div class="social-share"><a href="#">Teilen</a> <a href="#">Partager</a></div>
</div>
<div id="footer"><p>Impressum · Datenschutz · Kontakt</p></div>
</body></html>"""
    return page, outlet


def shape_print(art, rng):
    outlet = "Lakeside Observer"
    url = f"https://lakeside-observer.example/{art['date'][:4]}/{art['date'][5:7]}/{art['date'][8:]}/{art['slug']}/"
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{outlet}: {esc(art['title'])}</title>
<meta name="robots" content="noindex">
</head><body onload="window.print()">
<div class="print-header"><img src="logo.gif" alt="{outlet}"> <span>Printed from {url}</span></div>
<h1>{esc(art['title'])}</h1>
<p><i>{esc(authors_text(art['authors']))}</i></p>
{body_html(art['blocks'], rng)}
<hr><p class="print-footer">Copyright {outlet}. This copy is for your personal, non-commercial use only.</p>
</body></html>"""
    return page, outlet


def shape_mobile(art, rng):
    outlet = "Metro Minute"
    menu = "".join(f'<li><a href="/s{i}">{esc(t)}</a></li>' for i, t in enumerate(RELATED))
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{esc(art['title'])}</title>
<meta property="og:title" content="{esc(art['title'])}">
<meta property="og:url" content="https://m.metrominute.example/story/{art['slug']}">
<meta name="pubdate" content="{art['date'].replace('-', '')}">
</head><body>
<div class="drawer"><ul>{menu}</ul></div>
<section class="story-section">
<h1>{esc(art['title'])}</h1>
<div class="meta">{esc(authors_text(art['authors']))} · {human_date(art['date'])}</div>
{body_html(art['blocks'], rng)}
</section>
<section class="popular"><h2>Popular now</h2><ul>{menu}</ul></section>
<div class="app-banner"><p>Read this story in our app for a better experience and breaking news alerts.</p><a href="/app">Open in app</a></div>
</body></html>"""
    return page, outlet


def shape_saved(art, rng):
    """A page saved by a browser ("Web page, complete"), windows-1252."""
    outlet = "The Quayside Times"
    url = f"https://www.quayside-times.example/news/{art['slug']}"
    text = f"""<!DOCTYPE html>
<!-- saved from url=({len(url):04d}){url} -->
<html lang="en"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<base href="."><title>{esc(art['title'])} | {outlet}</title>
<link rel="stylesheet" href="./{art['slug']}_files/main.css">
<script src="./{art['slug']}_files/app.js"></script>
<meta property="og:site_name" content="{outlet}">
<meta property="article:published_time" content="{art['date']}T08:00:00+00:00">
</head><body>
<div class="site-nav">{nav()}</div>
<div class="article-container"><div class="article">
<h1>{esc(art['title'])}</h1>
<p class="byline-text">By <a href="/authors/x">{esc(authors_text(art['authors']))}</a></p>
{body_html([(k, t.replace('"', '“', 1).replace('"', '”', 1) if k == 'p' else t) for k, t in art['blocks']], rng)}
<p class="caption-text"><img src="./{art['slug']}_files/photo.jpg"> Photo: Archive</p>
</div></div>
<div class="site-footer"><p>© {outlet} – all rights reserved.</p></div>
</body></html>"""
    return text, outlet


def shape_xhtml(art, rng):
    outlet = "Fjord Dispatch"
    page = f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en"><head>
<title>{esc(art['title'])} :: {outlet}</title>
<meta name="DC.creator" content="{esc(', '.join(art['authors']))}" />
<meta name="DC.date.issued" content="{art['date']}" />
<meta name="DC.publisher" content="{outlet}" />
<script type="text/javascript">//<![CDATA[
var a = "<p>not text</p>";
//]]></script>
</head><body>
<div id="wrapper"><div id="navigation"><ul><li><a href="/">Front page</a></li><li><a href="/archive">Archive</a></li></ul></div>
<div id="main-content"><h2 class="title">{esc(art['title'])}</h2>
{body_html(art['blocks'], rng, heading='h3')}
<div class="postmetadata">Filed under <a href="/c/news">News</a>. Comments are closed.</div>
</div>
<div id="sidebar"><h3>Archives</h3><ul><li><a href="/2030">2030</a></li><li><a href="/2029">2029</a></li></ul></div>
</div></body></html>"""
    return page, outlet


def shape_comments_heavy(art, rng):
    outlet = "Island Voice"
    blocks = art["blocks"][:4]
    while blocks[-1][0] == "h":
        blocks = blocks[:-1]
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{esc(art['title'])} | {outlet}</title>
<meta property="og:site_name" content="{outlet}">
<meta property="og:title" content="{esc(art['title'])}">
<meta property="article:published_time" content="{art['date']}T19:00:00+00:00">
<meta name="author" content="{esc(', '.join(art['authors']))}">
</head><body>
{nav()}
<div class="main"><div class="post">
<h1>{esc(art['title'])}</h1>
<div class="post-text">
{body_html(blocks, rng)}
</div></div>
<div class="discussion"><h2>Join the discussion</h2>
{''.join(f'<div class="reply"><p class="who">Posted by reader{i}</p><p>{esc(c)}</p><p>{esc(COMMENTS[(i + 3) % len(COMMENTS)])}</p></div>' for i, c in enumerate(rng.sample(COMMENTS, 8)))}
</div></div>
</body></html>"""
    return page, outlet, blocks


SHAPES = [
    ("classic", shape_classic),
    ("jsonld", shape_jsonld),
    ("table", shape_table),
    ("blog", shape_blog),
    ("wire", shape_wire),
    ("longform", shape_longform),
    ("split", shape_split),
    ("amp", shape_amp),
    ("nextjs", shape_nextjs),
    ("print", shape_print),
    ("mobile", shape_mobile),
    ("saved", shape_saved),
    ("xhtml", shape_xhtml),
    ("comments", shape_comments_heavy),
]


def main():
    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pages")
    os.makedirs(out_dir, exist_ok=True)
    english = [a for a in ARTICLES if a["lang"] == "en"]
    foreign = [a for a in ARTICLES if a["lang"] != "en"]
    jobs = []
    for s, (shape, fn) in enumerate(SHAPES):
        for k in range(3):
            jobs.append((shape, fn, english[(s * 3 + k) % len(english)]))
    for art in foreign:
        jobs.append(("foreign", shape_foreign, art))
    jobs.append(("foreign", shape_foreign, english[3]))
    for shape, fn, art in jobs:
        rng = random.Random(f"{shape}/{art['slug']}")
        res = fn(art, rng)
        page, outlet = res[0], res[1]
        blocks = res[2] if len(res) > 2 else art["blocks"]
        name = f"{shape}-{art['slug']}"
        encoding = "cp1252" if shape == "saved" else "utf-8"
        with open(os.path.join(out_dir, name + ".html"), "wb") as f:
            f.write(page.encode(encoding))
        gold = {
            "title": art["title"],
            "author": ", ".join(art["authors"]),
            "date": art["date"],
            "outlet": outlet,
            "body": [t.replace('"', '“', 1).replace('"', '”', 1) if shape == "saved" and k == "p" else t
                     for k, t in blocks],
        }
        with open(os.path.join(out_dir, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(gold, f, ensure_ascii=False, indent=1)
            f.write("\n")
    print(f"{len(jobs)} pages in {out_dir}")


if __name__ == "__main__":
    main()
