/// The program's version: the one place it is written. `citywide --version`
/// and page footers show it, and `tools/release` reads it from this line to
/// name the archive, so keep the literal on one line as it is.
public enum CitywideVersion {
    public static let string = "0.2.0"

    /// Where the release archives are published, one folder per version:
    /// `<releases>/download/v<version>/citywide-<version>-linux-x86_64.tar.gz`
    /// (the README's install steps and the `init --with-workflow` workflow use it).
    public static let releases = "https://github.com/citywide-sites/citywide/releases"
}
