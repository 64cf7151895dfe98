"""Hand-written student answers for questions from two third-party banks in eval/corpora/.

- test/bold-question-ds-theory.md (alexeygrigorev/data-science-interviews, CC BY 4.0)
- dev/answer-label-genai-60q.md (aishwaryanr/awesome-generative-ai-guide, MIT)

Same layout as items_default.py. Labels from the reference only (bare question: own knowledge).
"""

T = "eval/corpora/test/bold-question-ds-theory.md"
D = "eval/corpora/dev/answer-label-genai-60q.md"

ITEMS = [
    # ------------------------------------------------------------------ ds-theory (test/)
    (
        T,
        ("bold", "What is the bias-variance trade-off?"),
        [
            (
                "paraphrased",
                "correct",
                "Bias is how wrong a model is on average because it is too simple for the real pattern; variance is how much its fit jumps around when you retrain it on a different sample. Expected test error is roughly bias squared plus variance plus noise you can't remove. Making the model more flexible shrinks bias but grows variance (overfitting), simplifying it does the reverse (underfitting), so you look for the complexity where the sum is smallest.",
            ),
            (
                "partial",
                "partial",
                "Bias is underfitting and variance is overfitting, and you have to find a balance between them.",
            ),
            (
                "negated",
                "incorrect",
                "As model complexity increases, bias increases and variance decreases, so very complex models tend to underfit while simple models overfit.",
            ),
            (
                "extra-wrong",
                "incorrect",
                "Bias is error from an overly simple model, variance is sensitivity to the particular training set, and test error = bias^2 + variance + irreducible error; more complexity lowers bias and raises variance. With a big enough dataset the irreducible error also goes to zero, so with enough data the trade-off disappears and every error term can be eliminated.",
            ),
            (
                "hedged",
                "partial",
                "I think bias is the error from the model being too simple and variance is... its sensitivity to the training data? Not sure how exactly they relate to each other.",
            ),
        ],
    ),
    (
        T,
        ("bold", "Is accuracy always a good metric?"),
        [
            (
                "terse",
                "correct",
                "No: with imbalanced classes (say 95/5) always predicting the majority class gives 95% accuracy; use precision, recall or F1 instead.",
            ),
            (
                "partial",
                "partial",
                "No, it can be misleading sometimes, so it's better to also look at other metrics.",
            ),
            (
                "negated",
                "incorrect",
                "Yes. As long as the dataset is large, accuracy is always fine; class imbalance doesn't matter because mistakes on both classes count the same.",
            ),
            (
                "starts-with-skip",
                "correct",
                "No idea why people still report it by default, but no, it isn't: on imbalanced data, e.g. 95% class A and 5% class B, a model that always says A gets 95% accuracy while never catching a single B. There you should use precision, recall or F1 depending on what matters.",
            ),
            (
                "extra-correct",
                "correct",
                "No. On imbalanced data a constant majority-class predictor looks great (95% accuracy on a 95/5 split) while being useless, so pick precision, recall or F1 depending on the cost of each error type. Also worth considering: PR-AUC, balanced accuracy or MCC, and the fact that accuracy treats false positives and false negatives as equally costly, which is rarely true in, say, fraud or medical screening.",
            ),
        ],
    ),
    (
        T,
        ("bold", "What are precision, recall, and F1-score?"),
        [
            (
                "terse",
                "correct",
                "P = TP/(TP+FP), R = TP/(TP+FN), F1 = 2PR/(P+R), the harmonic mean; all between 0 and 1, 1 is best.",
            ),
            (
                "negated",
                "incorrect",
                "Precision = TP/(TP+FN) and recall = TP/(TP+FP), and F1 is the simple arithmetic average of the two.",
            ),
            (
                "partial",
                "partial",
                "Precision is how many of the predicted positives are really positive, and recall is how many of the actual positives we found.",
            ),
            (
                "hedged",
                "correct",
                "I think precision is TP over TP plus FP, recall is TP over TP plus FN, and F1 is the harmonic mean, 2PR/(P+R)... pretty sure that's right. They all go from 0 to 1 with 1 the best.",
            ),
            ("idk", "incorrect", "I don't remember these."),
        ],
    ),
    (
        T,
        ("bold", "Why do we need one-hot encoding?"),
        [
            (
                "paraphrased",
                "correct",
                "If you simply number the categories 1, 2, 3, 4, a linear model reads those numbers as an order and a magnitude, so category 4 counts as 'twice' category 2, which means nothing. Giving each category its own 0/1 column puts all categories at the same distance from each other. The catch is that with thousands of categories, like customer IDs, you get a huge sparse matrix and dimensionality problems.",
            ),
            (
                "partial",
                "partial",
                "To turn categorical variables into numbers that the model can use.",
            ),
            (
                "keywords-wrong",
                "incorrect",
                "One-hot encoding keeps the ordinal relationship between categories, so the model knows category 4 is larger than category 2, and it also reduces dimensionality for high-cardinality features like customer id.",
            ),
            (
                "terse",
                "correct",
                "Label encoding imposes a fake order and magnitude on categories; one-hot makes them equidistant (at the cost of many columns for high cardinality).",
            ),
            (
                "partial",
                "partial",
                "Because models like linear regression can't take strings as input, so each category becomes its own binary column.",
            ),
        ],
    ),
    (
        T,
        ("bold", "Can we use L2 regularization for feature selection?"),
        [
            (
                "terse",
                "correct",
                "No: L2 shrinks weights towards zero but never makes them exactly zero, so nothing gets dropped (use L1 for that); L2 is useful against multicollinearity.",
            ),
            (
                "negated",
                "incorrect",
                "Yes, L2 drives the weights of useless features to exactly zero, so you just keep the features with non-zero weights.",
            ),
            ("partial", "partial", "No, L1 is the one you use for feature selection."),
            (
                "extra-wrong",
                "incorrect",
                "No: L2 only shrinks weights and never sets them exactly to zero, so it doesn't select features. That is also why L2 makes multicollinearity worse: correlated features keep large, unstable weights under an L2 penalty.",
            ),
            ("partial", "partial", "Not really, because the weights don't become zero."),
        ],
    ),
    (
        T,
        ("bold", "What if we set all the weights of a neural network to 0?"),
        [
            (
                "verbose",
                "correct",
                "Then every neuron in a layer computes exactly the same thing: same input, same zero weights, same output. During backpropagation they also receive identical gradients, so after every update they are still identical to each other. The symmetry is never broken, the layer effectively behaves like a single neuron, and the network can't learn useful, different features, so it never converges to a good solution. That's why weights are initialised randomly.",
            ),
            ("partial", "partial", "The network won't train well."),
            (
                "keywords-wrong",
                "incorrect",
                "With all weights at zero the first gradients are zero, but the biases break the symmetry, so after a few steps each neuron learns different features; the only downside is that training starts a bit slower.",
            ),
            (
                "hedged",
                "correct",
                "I'm not 100% sure, but I think all neurons in a layer would compute the same output and get the same gradient, so they stay identical forever; the symmetry never breaks and the network can't learn anything useful.",
            ),
            ("idk", "incorrect", "no idea"),
        ],
    ),
    (
        T,
        ("bold", "difference between random forest and gradient boosting?"),
        [
            (
                "terse",
                "correct",
                "RF builds its trees independently (in parallel) and averages/votes at the end; gradient boosting builds trees one after another, each correcting the previous ones, combining them as it goes.",
            ),
            (
                "negated",
                "incorrect",
                "Random forest builds trees sequentially, each correcting the errors of the previous one, while gradient boosting trains independent trees in parallel and averages them at the end.",
            ),
            (
                "partial",
                "partial",
                "They are both ensembles of decision trees; random forest uses bagging.",
            ),
            (
                "extra-correct",
                "correct",
                "Random forest: many deep trees trained independently on bootstrap samples with random feature subsets, combined at the end by averaging or majority vote; mainly reduces variance and is easy to parallelise. Gradient boosting: shallow trees added one at a time, each fit to the negative gradient (residuals) of the current ensemble and scaled by a learning rate, so the model is combined along the way; mainly reduces bias, is usually more accurate but more sensitive to hyperparameters and can overfit with too many trees.",
            ),
            (
                "offtopic",
                "incorrect",
                "XGBoost has a tree_method='gpu_hist' option, and LightGBM is usually faster than XGBoost on large tabular datasets.",
            ),
        ],
    ),
    (
        T,
        ("bold", "problems with sigmoid as an activation function?"),
        [
            (
                "terse",
                "correct",
                "It saturates: for large |x| the derivative is ~0, so gradients vanish and learning stalls; ReLU avoids this.",
            ),
            (
                "partial",
                "partial",
                "Its output is squashed between 0 and 1, so very large inputs all look the same.",
            ),
            (
                "negated",
                "incorrect",
                "The sigmoid's derivative grows for large positive or negative inputs, which causes exploding gradients; that's why you need gradient clipping with sigmoid.",
            ),
            (
                "extra-correct",
                "correct",
                "Main one is vanishing gradients: sigma'(x) is at most 0.25 and nearly zero once |x| is large, and these factors multiply across layers during backprop, so early layers learn very slowly or not at all. It is also not zero-centred, which makes gradient updates zig-zag, and the exponential is a bit costly. ReLU (or variants) fixes the saturation for positive inputs.",
            ),
            (
                "starts-with-skip",
                "correct",
                "Pass the gradient back through a few sigmoid layers and you see the problem: its derivative is nearly zero whenever the input is large in either direction, so the gradient vanishes and the network learns extremely slowly or not at all. Using ReLU instead solves most of it.",
            ),
        ],
    ),
    (
        T,
        ("bold", "What is dropout? Why is it useful? How does it work?"),
        [
            (
                "paraphrased",
                "correct",
                "On every training step each unit is silenced at random with some probability p, so the network can't lean on a few particular neurons and has to spread useful features across many of them. That acts as a regularizer against overfitting, and p sets how strong it is. At test time nothing is dropped (activations are rescaled instead).",
            ),
            ("partial", "partial", "It randomly removes some neurons during training."),
            (
                "negated",
                "incorrect",
                "Dropout switches off random neurons at inference time to make predictions faster, while during training all neurons are always used.",
            ),
            (
                "extra-wrong",
                "incorrect",
                "During training each neuron is zeroed with probability p so the network can't rely on a small subset of neurons, which regularizes it. Since more dropout always means better generalization, you should use the largest rate you can, like p = 0.9, in every layer.",
            ),
            (
                "hedged",
                "correct",
                "I think it's where, during training, you randomly turn off neurons with some probability p each step, so the model can't depend on specific neurons... that reduces overfitting, and p controls how much regularization you get. I might be missing details.",
            ),
        ],
    ),
    (
        T,
        ("bold", "learning rate is too large? Too small?"),
        [
            (
                "terse",
                "correct",
                "Too large: steps overshoot the minimum, so training oscillates or diverges. Too small: training is very slow and can get stuck in a poor local minimum.",
            ),
            (
                "negated",
                "incorrect",
                "A too-small learning rate makes the loss explode, while a too-large one makes training slow but very precise.",
            ),
            ("partial", "partial", "If it's too large, training can diverge."),
            (
                "extra-correct",
                "correct",
                "Too large: updates jump past the minimum, the loss bounces around or blows up (NaNs). Too small: convergence is painfully slow and the optimizer may settle in a poor local minimum or plateau. In practice people use warmup plus a decay schedule (cosine, step) and find a good starting value with a learning-rate range test.",
            ),
            (
                "offtopic",
                "incorrect",
                "In PyTorch you set it in the optimizer, for example torch.optim.Adam(model.parameters(), lr=1e-3).",
            ),
        ],
    ),
    (
        T,
        ("bold", "randomly select a few splits and just select the best"),
        [
            (
                "verbose",
                "correct",
                "Yes, it works; that's essentially Extremely Randomized Trees (Extra-Trees). Instead of searching every threshold, you draw a few random candidate splits and keep the best of them. Each tree is a bit worse (slightly higher bias), but the trees are more different from each other, so in an ensemble the variance drops and accuracy is usually on par with a random forest, while training is much faster because you skip the exhaustive split search.",
            ),
            (
                "partial",
                "partial",
                "It would work, and it's faster than searching for the best split.",
            ),
            (
                "negated",
                "incorrect",
                "No, it won't work: with random splits the trees are no better than random guessing, so the model can't learn anything.",
            ),
            (
                "keywords-wrong",
                "incorrect",
                "Yes, and that is exactly what a normal random forest already does: bagging means every split threshold is chosen at random instead of optimised.",
            ),
            (
                "partial",
                "partial",
                "Yes, for an ensemble the extra randomness adds diversity between trees.",
            ),
        ],
    ),
    # ------------------------------------------------------------------ genai-60q (dev/)
    (
        D,
        ("answer_label", "What is mode collapse"),
        [
            (
                "terse",
                "correct",
                "The generator covers only a few modes of the data and keeps producing near-identical samples; counter it with minibatch discrimination, regularization such as spectral normalization, architecture changes (DCGAN, progressive GANs), tuned learning rates, more diverse data, or ensembles of GANs.",
            ),
            ("partial", "partial", "It's when the GAN generates the same output over and over."),
            (
                "keywords-wrong",
                "incorrect",
                "Mode collapse is when the discriminator collapses and outputs 0.5 for every input; you fix it with mini-batch discrimination, which stops the generator from learning.",
            ),
            (
                "extra-correct",
                "correct",
                "Mode collapse: the generator finds a few outputs that fool the discriminator and keeps producing only those, so samples lack diversity and miss most of the data distribution. Fixes: minibatch discrimination or minibatch std features, regularization and spectral normalization, architecture changes, adjusting the two learning rates, ensembles, plus loss changes such as Wasserstein GAN with gradient penalty, unrolled GANs or PacGAN.",
            ),
            (
                "hedged",
                "partial",
                "I think it's when the generator only produces a few types of outputs... and maybe you could fix it with a bigger discriminator? Not sure about the strategies.",
            ),
        ],
    ),
    (
        D,
        ("answer_label", "What is gradient clipping"),
        [
            (
                "paraphrased",
                "correct",
                "You cap how big the gradient is allowed to be: if its norm passes a threshold you scale it down (or clamp each value). One bad batch then can't cause a giant update, which stops exploding gradients and damps the back-and-forth swings you get between generator and discriminator, so the updates and convergence are smoother.",
            ),
            (
                "negated",
                "incorrect",
                "Gradient clipping raises small gradients to a minimum value so they don't vanish; it is the main fix for vanishing gradients in deep generative models.",
            ),
            ("partial", "partial", "It limits the gradients during training."),
            (
                "starts-with-skip",
                "correct",
                "Skip the details of how the threshold is chosen; the idea is that when the gradient's magnitude exceeds a set limit you scale it down, which prevents exploding gradients and wild oscillations in training, so the parameter updates stay stable.",
            ),
            (
                "extra-wrong",
                "incorrect",
                "It caps the gradient norm at a threshold so exploding gradients can't cause huge updates, which stabilises GAN and VAE training. Clipping also redirects the gradient so it points toward the global minimum, which is why it guarantees the model converges to the best solution.",
            ),
        ],
    ),
    (
        D,
        ("answer_label", "What problems of RNNs do transformer models solve?"),
        [
            (
                "terse",
                "correct",
                "RNNs are sequential (no parallelism) and struggle with long-range dependencies due to vanishing/exploding gradients; self-attention processes the whole sequence at once and links any two positions directly.",
            ),
            (
                "partial",
                "partial",
                "RNNs are slow because they process one token at a time, while transformers process tokens in parallel.",
            ),
            (
                "extra-wrong",
                "incorrect",
                "Transformers parallelise over the whole sequence and connect distant tokens directly, so they fix RNNs' slow sequential training and vanishing gradients on long dependencies. They also don't have any gradient problems at all, which is why transformers need neither normalization layers nor residual connections.",
            ),
            ("idk", "incorrect", "Pass."),
            (
                "hedged",
                "correct",
                "Not sure I'll get all of them, but I think mainly two: RNNs have to process tokens one by one so you can't parallelise training, and they forget long-range context because of vanishing gradients. Transformers use self-attention over the whole sequence at once, so they're parallel and every token can see every other token directly.",
            ),
        ],
    ),
    (
        D,
        ("answer_label", "What is catastrophic forgetting"),
        [
            (
                "terse",
                "correct",
                "When training on new data or tasks overwrites the weights so the model loses what it learned before.",
            ),
            (
                "keywords-wrong",
                "incorrect",
                "It's when an LLM forgets the beginning of a long prompt because those tokens have fallen outside its context window.",
            ),
            ("partial", "partial", "It's when the model forgets things."),
            (
                "extra-correct",
                "correct",
                "A network fine-tuned or trained further on new data changes its weights to fit the new loss and loses performance on what it learned earlier, e.g. an LLM fine-tuned on a narrow domain getting worse at general tasks. Mitigations: replay or mixing in old/general data, small learning rates, regularizers like EWC or KL to the original model, freezing layers or using adapters/LoRA.",
            ),
            (
                "offtopic",
                "incorrect",
                "LLMs have a knowledge cutoff, so they don't know about events after their training data was collected.",
            ),
        ],
    ),
    (
        D,
        ("answer_label", "concept of triplet loss"),
        [
            (
                "paraphrased",
                "correct",
                "You train on triples: a reference example, one that should be similar to it and one that shouldn't. The loss is zero only when the similar one sits closer to the reference than the dissimilar one does, by at least some margin; otherwise it pushes them into that arrangement. Over training, similar items cluster together in the embedding space and different ones get pushed apart.",
            ),
            (
                "negated",
                "incorrect",
                "Triplet loss pulls the anchor closer to the negative example and pushes the positive example away by a margin.",
            ),
            ("partial", "partial", "It uses three examples: an anchor, a positive and a negative."),
            (
                "terse",
                "correct",
                "L = max(0, d(a, p) - d(a, n) + margin): the anchor must be closer to the positive than to the negative by at least the margin.",
            ),
            (
                "extra-wrong",
                "incorrect",
                "The anchor is pulled toward the positive and pushed away from the negative until the gap exceeds a margin, so similar items cluster. The margin has to be exactly 0, though; any positive margin makes the loss impossible to minimise.",
            ),
        ],
    ),
    (
        D,
        ("answer_label", "What are mixture of experts models?"),
        [
            (
                "terse",
                "correct",
                "Several expert sub-networks plus a gating (router) network that decides which experts handle each input.",
            ),
            ("partial", "partial", "A model made of several smaller models."),
            (
                "keywords-wrong",
                "incorrect",
                "In a mixture of experts every expert processes every input and the gating network just averages all their outputs with equal weights, so it costs the same as running all the experts; the gate doesn't choose anything.",
            ),
            (
                "extra-correct",
                "correct",
                "An MoE layer has many expert networks (usually FFNs) and a learned router that sends each token to only the top-k experts, e.g. top-1 in Switch Transformer or 2 of 8 in Mixtral. You get far more total parameters while compute per token stays about that of a dense model, with each expert specialising in part of the input space; training needs an auxiliary load-balancing loss so tokens don't all go to the same expert.",
            ),
            (
                "hedged",
                "correct",
                "I believe it's a model with multiple specialised sub-networks, the experts, and a gating mechanism that decides which expert or experts to use for each input, so a complex problem gets split into easier pieces. Not fully sure about implementation details.",
            ),
        ],
    ),
]
