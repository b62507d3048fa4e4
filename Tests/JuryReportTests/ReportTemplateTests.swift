import Foundation
import JuryEngine
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
                    // `text["method_" + name]`: a family of keys, checked by the pages that use it.
                    if key.contains("\\(") || key.isEmpty || piece.dropFirst(key.count + 1).hasPrefix(" +") { continue }
                    #expect(keys.contains(key), "\(file) uses the missing label \(key)")
                }
            }
        }
    }

    @Test("label families cover every stage, method, scoring method, conflict kind and rule")
    func labelFamilies() {
        let keys = Set(ReportLabels.entries.map(\.key))
        var wanted = Stage.allCases.map { "stage_" + $0.name }
        wanted += StageMethod.allCases.map { "method_" + $0.rawValue }
        wanted += ScoringMethod.allCases.map { "scoring_" + $0.rawValue }
        wanted += IntegrityKind.allCases.map { "kind_" + $0.rawValue } + ["kind_outlier"]
        wanted += ["median", "min", "max", "count"].flatMap { ["rule_" + $0, "tb_rule_" + $0] }
        wanted += ReportPage.allCases.map(\.labelKey)
        for key in wanted { #expect(keys.contains(key), "missing label \(key)") }
    }
}
