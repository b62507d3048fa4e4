import Foundation
import Testing
@testable import JuryReport

@Suite("report templates and labels")
struct ReportTemplateTests {
    static func templates() throws -> [String: String] {
        let folder = try #require(ReportTemplates.folder)
        var out: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            out[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return out
    }

    @Test("no template prints a value unescaped")
    func noTripleMustache() throws {
        for (name, text) in try Self.templates() where name.hasSuffix(".mustache") {
            #expect(!text.contains("{{{"), "\(name) uses a triple mustache")
            #expect(!text.contains("{{&"), "\(name) uses an unescaped variable")
            #expect(!text.contains("{{%"), "\(name) changes the content type")
        }
    }

    @Test("every label a template names exists, in every language")
    func labelsExist() throws {
        let keys = Set(ReportLabels.entries.map(\.key))
        for (name, text) in try Self.templates() where name.hasSuffix(".mustache") {
            for piece in text.components(separatedBy: "{{l.").dropFirst() {
                let key = String(piece.prefix { $0 != "}" })
                #expect(keys.contains(key), "\(name) names the missing label \(key)")
            }
        }
    }

    @Test("the labels table: unique keys, no empty text, the same placeholders in every language")
    func labelsTable() {
        var seen = Set<String>()
        for e in ReportLabels.entries {
            #expect(seen.insert(e.key).inserted, "duplicate label \(e.key)")
            let texts = ReportLanguage.allCases.map(e.text)
            #expect(texts.allSatisfy { !$0.isEmpty }, "\(e.key) has an empty translation")
            func placeholders(_ s: String) -> Set<String> {
                Set((0...9).map { "{\($0)}" }.filter { s.contains($0) })
            }
            #expect(Set(texts.map(placeholders)).count == 1, "\(e.key): placeholders differ between languages")
        }
    }

    @Test("every label the code formats exists")
    func labelsUsedByCode() throws {
        let sources = ReportFixture.repositoryRoot.appendingPathComponent("Sources/JuryReport")
        let keys = Set(ReportLabels.entries.map(\.key))
        guard let e = FileManager.default.enumerator(atPath: sources.path) else { return }
        for case let file as String in e where file.hasSuffix(".swift") && file != "ReportLabels.swift" {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for marker in ["text[\"", "format(\"", "text.format(\""] {
                for piece in text.components(separatedBy: marker).dropFirst() {
                    let key = String(piece.prefix { $0 != "\"" })
                    if key.contains("\\(") || key.isEmpty { continue }
                    #expect(keys.contains(key), "\(file) uses the missing label \(key)")
                }
            }
        }
    }
}
