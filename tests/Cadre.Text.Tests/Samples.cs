namespace Cadre.Text.Tests;

/// <summary>Parts of Resolution 71 as in seed 000: the Dubai 2018 text and the proposed Bucharest 2022 text.</summary>
internal static class Samples
{
    public const string Dubai =
        "Plan stratégique de l'Union pour la période 2020-2023\n" +
        "La Conférence de plénipotentiaires de l'Union internationale des télécommunications (Dubaï, 2018),\n" +
        "considérant\n" +
        "a)\tles dispositions de la Constitution de l'UIT et de la Convention de l'UIT relatives aux politiques et plans stratégiques;\n" +
        "b)\tl'article 19 de la Convention relatif à la participation des Membres des Secteurs aux activités de l'Union;\n" +
        "décide\n" +
        "d'adopter le plan stratégique figurant dans l'Annexe 1 de la présente résolution,\n" +
        "charge le Conseil de l'UIT\n" +
        "1\tde contrôler l'évolution et l'application du cadre UIT de présentation des résultats;\n" +
        "2\tde contrôler l'évolution et la mise en œuvre du plan stratégique;\n" +
        "3\tde présenter à la prochaine Conférence de plénipotentiaires une évaluation des résultats du plan stratégique";

    public const string Bucharest =
        "Plan stratégique de l'Union pour la période 2024-2027\n" +
        "La Conférence de plénipotentiaires de l'Union internationale des télécommunications (Bucarest, 2022),\n" +
        "considérant\n" +
        "b)\tl'article 19 de la Convention relatif à la participation des Membres des Secteurs aux activités de l'Union;\n" +
        "a)\tles dispositions de la Constitution de l'UIT et de la Convention de l'UIT relatives aux politiques et plans stratégiques;\n" +
        "décide\n" +
        "d'adopter le plan stratégique figurant dans l'Annexe 1 de la présente résolution,\n" +
        "charge le Conseil de l'UIT\n" +
        "1\tde contrôler l'évolution et la mise en œuvre du plan stratégique et, au besoin, d'adapter le plan stratégique;\n" +
        "2\tde présenter à la prochaine Conférence de plénipotentiaires une évaluation des résultats du plan stratégique";
}
