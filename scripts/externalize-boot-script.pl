#!/usr/bin/env perl
# Trunk post-build hook: moves the inline module script Trunk writes into index.html to its own
# file, so the page's Content-Security-Policy can forbid inline scripts (script-src 'self').
use strict;
use warnings;

my $dir = $ENV{TRUNK_STAGING_DIR} or die "TRUNK_STAGING_DIR is not set (run as a Trunk hook)\n";
my $html_path = "$dir/index.html";
open(my $in, '<:raw', $html_path) or die "cannot read $html_path: $!\n";
my $html = do { local $/; <$in> };
close $in;

my $count = 0;
$html =~ s{<script\b([^>]*)type="module"([^>]*)>(.*?)</script>}{
    my $body = $3;
    my $name = $count++ ? "boot-$count.js" : "boot.js";
    open(my $out, '>:raw', "$dir/$name") or die "cannot write $dir/$name: $!\n";
    print $out $body;
    close $out;
    qq{<script type="module" src="$name"></script>}
}gse;
die "no inline module script found in $html_path\n" unless $count;

open(my $out, '>:raw', $html_path) or die "cannot write $html_path: $!\n";
print $out $html;
close $out;
