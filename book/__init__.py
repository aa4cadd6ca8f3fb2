"""The book's build machinery: what turns the notebooks and the library into the site.

Not part of the reader's library (:mod:`digital_labor`, the package a student installs): Sphinx
extensions (:mod:`book.sphinx_ext`, :mod:`book.classroom_ext`, :mod:`book.mathml`,
:mod:`book.html_validity`), the site's chart figures and pictures (:mod:`book.figures`,
:mod:`book.static_charts`), the pages' lightening (:mod:`book.icons`, :mod:`book.unused_css`),
the classroom build (:mod:`book.classroom`) and the page script ``dl-charts.js``. It imports
the library; the library never imports it. It is found from the repository's root (Sphinx, the
tools and the tests run there), as Sphinx projects keep their ``_ext/``.
"""
